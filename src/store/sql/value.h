#pragma once
// Values bound to `?` placeholders and read back from rows. Drivers bind them as parameters,
// never by splicing them into SQL text.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gep::store::sql {

// Booleans travel as 0/1 integers: SQLite stores them so, PostgreSQL accepts "1"/"0" as boolean.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

inline Value null_value() {
  return Value{};
}
inline Value boolean_value(bool flag) {
  return Value{int64_t{flag ? 1 : 0}};
}
// 0 (JobNimbus's "unset" for times and ids) is stored as NULL: SQL aggregates and ordering skip it.
inline Value zero_as_null(int64_t number) {
  return number == 0 ? Value{} : Value{number};
}
inline Value optional_value(const std::optional<int64_t>& number) {
  return number ? Value{*number} : Value{};
}

// One result row. SQLite hands back typed cells, PostgreSQL text: the accessors convert.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}

  size_t size() const { return cells_.size(); }
  bool is_null(size_t column) const;
  std::string text(size_t column) const;  // "" for NULL
  int64_t integer(size_t column) const;   // 0 for NULL
  std::optional<int64_t> optional_integer(size_t column) const;
  double real(size_t column) const;
  bool boolean(size_t column) const;  // PostgreSQL "t"/"f", SQLite 1/0

 private:
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

}  // namespace gep::store::sql

#include "store/sql/value.h"

#include <charconv>
#include <cmath>

namespace gep::store::sql {
namespace {

int64_t parse_integer(const std::string& text) {
  int64_t number = 0;
  std::from_chars(text.data(), text.data() + text.size(), number);
  return number;
}

}  // namespace

bool Row::is_null(size_t column) const {
  return std::holds_alternative<std::monostate>(cells_.at(column));
}

std::string Row::text(size_t column) const {
  const Value& cell = cells_.at(column);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<int64_t>(&cell)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&cell)) return std::to_string(*real);
  return {};
}

int64_t Row::integer(size_t column) const {
  return optional_integer(column).value_or(0);
}

std::optional<int64_t> Row::optional_integer(size_t column) const {
  const Value& cell = cells_.at(column);
  if (const auto* number = std::get_if<int64_t>(&cell)) return *number;
  if (const auto* text = std::get_if<std::string>(&cell)) return parse_integer(*text);
  if (const auto* real = std::get_if<double>(&cell))
    return static_cast<int64_t>(std::llround(*real));
  return std::nullopt;
}

double Row::real(size_t column) const {
  const Value& cell = cells_.at(column);
  if (const auto* real = std::get_if<double>(&cell)) return *real;
  if (const auto* number = std::get_if<int64_t>(&cell)) return static_cast<double>(*number);
  if (const auto* text = std::get_if<std::string>(&cell)) {
    double parsed = 0;
    std::from_chars(text->data(), text->data() + text->size(), parsed);
    return parsed;
  }
  return 0;
}

bool Row::boolean(size_t column) const {
  const Value& cell = cells_.at(column);
  if (const auto* number = std::get_if<int64_t>(&cell)) return *number != 0;
  if (const auto* text = std::get_if<std::string>(&cell)) {
    return *text == "t" || *text == "true" || *text == "1";
  }
  return false;
}

}  // namespace gep::store::sql

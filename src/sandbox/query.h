#pragma once
// The list parameters of the classic API (size, from, sort_field, sort_direction, fields, filter)
// and the Elasticsearch-style filter they carry: bool must/filter/should/must_not over term,
// terms, range, exists and match_all, on plain or dotted fields ("related.id").
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "sandbox/record.h"

namespace gep::sandbox {

inline constexpr int64_t kMaxPageSize = 1000;
inline constexpr int64_t kResultWindow = 10000;

struct Scalar {
  enum class Type { null, number, string, boolean };
  Type type = Type::null;
  double number = 0;
  std::string text;
  bool flag = false;
};

// Fields kept outside the JSON text (see Record): matched and sorted without touching it.
enum class HotField {
  none,
  jnid,
  date_created,
  date_updated,
  record_type,
  record_type_name,
  primary_id,
  related_id
};
HotField hot_field(std::string_view path);

struct Predicate {
  enum class Op { match_all, all_of, any_of, none_of, term, range, exists };
  Op op = Op::match_all;
  std::string field;
  HotField hot = HotField::none;
  std::vector<Scalar> values;  // term/terms: any of these
  std::optional<Scalar> gte, gt, lte, lt;
  std::vector<Predicate> children;
};

struct ListQuery {
  int64_t from = 0;
  int64_t size = kMaxPageSize;
  bool explicit_sort = false;
  std::string sort_field = "date_created";
  bool ascending = false;
  std::vector<std::string> fields;  // empty: whole records
  Predicate filter;
};

// A query parameter by name (first value), nullopt when absent.
using ParamLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Fails with code "validation" (bad value) or "window" (from + size beyond 10,000).
Result<ListQuery> parse_list_query(const ParamLookup& param);
Result<Predicate> parse_filter(std::string_view json_text);

bool matches(const Predicate& predicate, const Record& record);
// Every scalar found at `path` in the record (arrays flattened); empty when missing.
std::vector<Scalar> field_values(const Record& record, std::string_view path);

// Orders scalars for sorting: missing < number < string < boolean.
int compare_scalars(const Scalar& a, const Scalar& b);

}  // namespace gep::sandbox

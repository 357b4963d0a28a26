#pragma once
// Request paths for the list endpoints: size/from paging, explicit sorts and Elasticsearch-style
// filters ({"must":[...]}) URL-encoded as JobNimbus expects.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gep::jobnimbus {

inline constexpr int kDefaultPageSize = 100;  // the integration guide's batch size
inline constexpr int kMaxPageSize = 1000;     // the API's maximum `size`
inline constexpr int kResultWindow = 10'000;  // `from + size` may not exceed this

struct ListQuery {
  int size = kDefaultPageSize;
  int from = 0;
  std::string sort_field;         // empty: the API's default (date_created, unstable)
  std::string sort_direction;     // "asc" or "desc"
  std::vector<std::string> must;  // filter clauses as JSON text (term_clause, range_clause)
  std::string fields;             // comma list; empty: every field
};

// "/jobs?size=100&from=0&sort_field=...&filter=%7B..."
std::string list_path(std::string_view resource, const ListQuery& query);
// "/jobs/<jnid>" with the jnid percent-encoded.
std::string record_path(std::string_view resource, std::string_view jnid);

std::string url_encode(std::string_view text);
// {"term":{"related.id":"abc"}}
std::string term_clause(std::string_view field, std::string_view value);
// {"terms":{"jnid":["a","b"]}}
std::string terms_clause(std::string_view field, std::span<const std::string> values);
// {"range":{"date_updated":{"gte":1700000000,"lte":1700000000}}}
std::string range_clause(std::string_view field, std::optional<int64_t> gte,
                         std::optional<int64_t> lte);
// {"range":{"jnid":{"gt":"3pg"}}}: string ranges compare bytewise, as Elasticsearch keywords do.
std::string greater_than_clause(std::string_view field, std::string_view value);

}  // namespace gep::jobnimbus

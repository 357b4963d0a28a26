#pragma once
// Query-string parsing for handlers: bad values answer 400 with the envelope, never a default.
#include "http/router.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace gep::http {

// The integer parameter `name` in [min, max], `fallback` when absent; on a bad value writes the
// 400 answer and returns nullopt.
std::optional<int64_t> integer_param(const Request& request, Response& response,
                                     const std::string& name, int64_t fallback, int64_t min,
                                     int64_t max);
struct PageParams {
  int64_t limit = 50;
  int64_t offset = 0;
  std::string after;  // the keyset cursor a previous page answered (X-Next-Cursor)
};
// ?limit (1..1000, default 50), ?offset (>= 0, default 0) and ?after (a cursor, not with an
// offset) of a list endpoint; on a bad value writes the 400 answer and returns nullopt.
std::optional<PageParams> page_params(const Request& request, Response& response);
// The page's cursor as the X-Next-Cursor header (absent on the last page).
void set_next_cursor(Response& response, const std::string& next_cursor);
// The cursor in an object body: the string, or null on the last page.
nlohmann::json next_cursor_json(const std::string& next_cursor);

// true/false/1/0; absent -> fallback; on a bad value writes 400 and returns nullopt.
std::optional<bool> bool_param(const Request& request, Response& response, const std::string& name,
                               bool fallback);

}  // namespace gep::http

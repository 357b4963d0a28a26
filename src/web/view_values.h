#pragma once
// How values appear on a page: dates in words people read, links that can only go where a
// link should, query strings that carry a view's filters.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/time_format.h"  // format_when

namespace gep::web {

// A CSS class from a code: "NOT_CHECKED" -> "not_checked" (ASCII only).
std::string ascii_lower(std::string text);

// "2 m 05 s", "850 ms".
std::string format_duration_ms(int64_t milliseconds);

// `url` when it is http(s)://… or a local path ("/risk?x"); "#" otherwise, so a value such as
// "javascript:…" can never become a link target.
std::string safe_href(std::string_view url);
// Only a local path: "/" followed by anything but "/" or "\" (no other host); else "/".
std::string safe_local_path(std::string_view path);

// "?a=1&b=x%20y" from the non-empty values (keys in order); "" when none.
std::string query_string(const std::map<std::string, std::string>& values);
std::string percent_encode(std::string_view text);

}  // namespace gep::web

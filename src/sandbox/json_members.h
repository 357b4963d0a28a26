#pragma once
// Reads the top-level members of a JSON object text without parsing it: projections (`fields=`)
// and filters on rarely used fields only need one or two members of a stored record, and a full
// parse per record would make a 1000-record page cost milliseconds instead of microseconds.
// Input must be well-formed JSON (records are written by the sandbox itself).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gep::sandbox {

// The position just past the JSON value that starts at `pos` (whitespace before it skipped).
size_t skip_json_value(std::string_view text, size_t pos);
size_t skip_json_space(std::string_view text, size_t pos);

// Calls visit(key, value) for each member of the top-level object; `key` is the raw text between
// the quotes (still escaped), `value` the member's JSON text. Stops early when visit returns false.
template <class Visit>
void for_each_member(std::string_view object, Visit&& visit) {
  size_t pos = skip_json_space(object, 0);
  if (pos >= object.size() || object[pos] != '{') return;
  ++pos;
  while (true) {
    pos = skip_json_space(object, pos);
    if (pos >= object.size() || object[pos] != '"') return;
    const size_t key_end = skip_json_value(object, pos);
    const std::string_view key = object.substr(pos + 1, key_end - pos - 2);
    pos = skip_json_space(object, key_end);
    if (pos >= object.size() || object[pos] != ':') return;
    const size_t value_start = skip_json_space(object, pos + 1);
    const size_t value_end = skip_json_value(object, value_start);
    if (!visit(key, object.substr(value_start, value_end - value_start))) return;
    pos = skip_json_space(object, value_end);
    if (pos >= object.size() || object[pos] != ',') return;
    ++pos;
  }
}

// The escaped form of a member name as it appears between quotes in JSON text.
std::string escape_member_name(std::string_view name);

// The JSON text of member `escaped_key` (see escape_member_name), if present.
std::optional<std::string_view> find_member(std::string_view object, std::string_view escaped_key);

}  // namespace gep::sandbox

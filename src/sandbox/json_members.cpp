#include "sandbox/json_members.h"

#include "sandbox/json_writer.h"

namespace gep::sandbox {

size_t skip_json_space(std::string_view text, size_t pos) {
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t')) {
    ++pos;
  }
  return pos;
}

namespace {

size_t skip_string(std::string_view text, size_t pos) {
  ++pos;  // opening quote
  while (pos < text.size()) {
    if (text[pos] == '\\') {
      pos += 2;
    } else if (text[pos] == '"') {
      return pos + 1;
    } else {
      ++pos;
    }
  }
  return text.size();
}

}  // namespace

size_t skip_json_value(std::string_view text, size_t pos) {
  pos = skip_json_space(text, pos);
  if (pos >= text.size()) return text.size();
  const char first = text[pos];
  if (first == '"') return skip_string(text, pos);
  if (first == '{' || first == '[') {
    int depth = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == '"') {
        pos = skip_string(text, pos);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        --depth;
        if (depth == 0) return pos + 1;
      }
      ++pos;
    }
    return text.size();
  }
  while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']' &&
         text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\r' && text[pos] != '\t') {
    ++pos;
  }
  return pos;
}

std::string escape_member_name(std::string_view name) {
  std::string quoted;
  append_json_string(quoted, name);
  return quoted.substr(1, quoted.size() - 2);
}

std::optional<std::string_view> find_member(std::string_view object, std::string_view escaped_key) {
  std::optional<std::string_view> found;
  for_each_member(object, [&](std::string_view key, std::string_view value) {
    if (key != escaped_key) return true;
    found = value;
    return false;
  });
  return found;
}

}  // namespace gep::sandbox

#include "store/repos/search_text.h"

namespace gep::store {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string search_text_of(std::initializer_list<std::string_view> fields) {
  std::string joined;
  for (const auto field : fields) {
    if (field.empty()) continue;
    if (!joined.empty()) joined += '\n';
    joined += field;
  }
  return ascii_lower(joined);
}

std::string like_pattern(std::string_view query) {
  std::string pattern = "%";
  for (const char c : ascii_lower(query)) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace gep::store

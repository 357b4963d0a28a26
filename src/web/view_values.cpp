#include "web/view_values.h"

#include "core/time_format.h"

namespace gep::web {

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string format_duration_ms(int64_t milliseconds) {
  if (milliseconds < 1000) return std::to_string(milliseconds) + " ms";
  const int64_t seconds = milliseconds / 1000;
  if (seconds < 60)
    return std::to_string(seconds) + "." + std::to_string(milliseconds % 1000 / 100) + " s";
  const int64_t rest = seconds % 60;
  return std::to_string(seconds / 60) + " m " + (rest < 10 ? "0" : "") + std::to_string(rest) +
         " s";
}

std::string safe_href(std::string_view url) {
  if (url.starts_with("https://") || url.starts_with("http://")) return std::string(url);
  const std::string local = safe_local_path(url);
  return local == url ? local : "#";
}

std::string safe_local_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return "/";
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return "/";
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return "/";
  }
  return std::string(path);
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' || byte == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string query_string(const std::map<std::string, std::string>& values) {
  std::string query;
  for (const auto& [key, value] : values) {
    if (value.empty()) continue;
    query += (query.empty() ? "?" : "&") + percent_encode(key) + "=" + percent_encode(value);
  }
  return query;
}

}  // namespace gep::web

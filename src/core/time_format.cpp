#include "core/time_format.h"

#include <charconv>
#include <ctime>

namespace gep {
namespace {

bool read_int(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  const auto* begin = text.data() + pos;
  const auto [ptr, ec] = std::from_chars(begin, begin + len, out);
  return ec == std::errc{} && ptr == begin + len;
}

bool expect(std::string_view text, size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

}  // namespace

std::string format_iso8601_seconds(int64_t unix_seconds) {
  const auto seconds = static_cast<time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[32];
  const size_t written = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(buffer, written);
}

std::string format_when(int64_t unix_seconds) {
  if (unix_seconds == 0) return "never";
  const std::string iso = format_iso8601_seconds(unix_seconds);  // 2026-12-04T14:03:09Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string format_iso8601(TimePoint time) {
  return format_iso8601_seconds(to_unix_seconds(time));
}

std::optional<int64_t> parse_time_to_unix_seconds(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.find('-') == std::string_view::npos) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
  }
  std::tm parts{};
  int year = 0, month = 0, day = 0;
  if (!read_int(text, 0, 4, year) || !expect(text, 4, '-') || !read_int(text, 5, 2, month) ||
      !expect(text, 7, '-') || !read_int(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  int64_t offset_seconds = 0;
  size_t pos = 10;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    if (!read_int(text, pos + 1, 2, hour) || !expect(text, pos + 3, ':') ||
        !read_int(text, pos + 4, 2, minute)) {
      return std::nullopt;
    }
    pos += 6;
    if (expect(text, pos, ':')) {
      if (!read_int(text, pos + 1, 2, second)) return std::nullopt;
      pos += 3;
    }
    if (expect(text, pos, '.')) {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
    if (pos < text.size()) {
      if (text[pos] == 'Z' && pos + 1 == text.size()) {
        // UTC
      } else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size()) {
        int offset_hours = 0, offset_minutes = 0;
        if (!read_int(text, pos + 1, 2, offset_hours) || !expect(text, pos + 3, ':') ||
            !read_int(text, pos + 4, 2, offset_minutes)) {
          return std::nullopt;
        }
        offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (text[pos] == '-' ? -1 : 1);
      } else {
        return std::nullopt;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  }
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  const time_t utc = timegm(&parts);
  if (parts.tm_mday != day) return std::nullopt;  // timegm normalised an impossible date
  return static_cast<int64_t>(utc) - offset_seconds;
}

}  // namespace gep

#include "jobnimbus/retry_policy.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <string>
#include <vector>

namespace gep::jobnimbus {
namespace {

uint64_t seed_for(const RetryPolicy& policy) {
  if (policy.jitter_seed != 0) return policy.jitter_seed;
  std::random_device device;
  return (static_cast<uint64_t>(device()) << 32) ^ device();
}

std::optional<int> to_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<unsigned> month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == name) return static_cast<unsigned>(i + 1);
  }
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find_first_of(separators, start);
    const size_t stop = end == std::string_view::npos ? text.size() : end;
    if (stop > start) parts.push_back(text.substr(start, stop - start));
    start = stop + 1;
  }
  return parts;
}

std::optional<int64_t> to_unix(int year, std::string_view month_name, int day,
                               std::string_view hms) {
  const auto month = month_number(month_name);
  const auto time = split(hms, ":");
  if (!month || time.size() != 3) return std::nullopt;
  const auto hour = to_int(time[0]);
  const auto minute = to_int(time[1]);
  const auto second = to_int(time[2]);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{*month},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  const auto days = std::chrono::sys_days{date}.time_since_epoch().count();
  return int64_t{days} * 86400 + *hour * 3600 + *minute * 60 + *second;
}

}  // namespace

Backoff::Backoff(const RetryPolicy& policy) : policy_(policy), random_(seed_for(policy)) {}

Duration Backoff::delay(int retry) {
  const int doublings = std::clamp(retry, 0, 30);
  const auto base = policy_.initial_backoff.count();
  const auto cap = policy_.max_backoff.count();
  const auto ceiling = std::min<int64_t>(cap, base << doublings);
  if (ceiling <= 0) return Duration{0};
  std::uniform_int_distribution<int64_t> pick(0, ceiling);
  const std::lock_guard lock(mutex_);
  return Duration{pick(random_)};
}

std::optional<int64_t> parse_http_date(std::string_view text) {
  const auto parts = split(text, " ,");
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" -> Sun 06 Nov 1994 08:49:37 GMT
  if (parts.size() == 6 && parts[5] == "GMT") {
    const auto day = to_int(parts[1]);
    const auto year = to_int(parts[3]);
    if (!day || !year) return std::nullopt;
    return to_unix(*year, parts[2], *day, parts[4]);
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
  if (parts.size() == 4 && parts[3] == "GMT") {
    const auto date = split(parts[1], "-");
    if (date.size() != 3) return std::nullopt;
    const auto day = to_int(date[0]);
    const auto year = to_int(date[2]);
    if (!day || !year) return std::nullopt;
    const int full_year = *year < 100 ? (*year < 70 ? 2000 + *year : 1900 + *year) : *year;
    return to_unix(full_year, date[1], *day, parts[2]);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (parts.size() == 5) {
    const auto day = to_int(parts[2]);
    const auto year = to_int(parts[4]);
    if (!day || !year) return std::nullopt;
    return to_unix(*year, parts[1], *day, parts[3]);
  }
  return std::nullopt;
}

std::optional<Duration> parse_retry_after(std::string_view value, TimePoint now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  int64_t seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error == std::errc{} && end == value.data() + value.size()) {
    if (seconds < 0) return std::nullopt;
    return Duration{std::min<int64_t>(seconds, 86'400) * 1000};
  }
  const auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  const auto wait = from_unix_seconds(*date) - now;
  return std::max(Duration{0}, std::chrono::duration_cast<Duration>(wait));
}

}  // namespace gep::jobnimbus

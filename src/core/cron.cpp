#include "core/cron.h"

#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <vector>

namespace gep {
namespace {

struct FieldSpec {
  const char* name;
  int min;
  int max;
  std::array<std::string_view, 13> names;  // index = value; empty where no name
};

constexpr FieldSpec kMinute{"minute", 0, 59, {}};
constexpr FieldSpec kHour{"hour", 0, 23, {}};
constexpr FieldSpec kDayOfMonth{"day-of-month", 1, 31, {}};
constexpr FieldSpec kMonth{
    "month",
    1,
    12,
    {"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}};
constexpr FieldSpec kDayOfWeek{
    "day-of-week", 0, 7, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}};

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<int> parse_value(std::string_view token, const FieldSpec& spec) {
  const std::string name = lower(token);
  for (size_t i = 0; i < spec.names.size(); ++i) {
    if (!spec.names[i].empty() && spec.names[i] == name) return static_cast<int>(i);
  }
  int value = 0;
  const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc{} || ptr != token.data() + token.size()) return std::nullopt;
  return value;
}

Error field_error(const FieldSpec& spec, std::string_view token, std::string_view why) {
  return Error{"invalid_cron", std::string(spec.name) + " field '" + std::string(token) + "' " +
                                   std::string(why) + " (allowed " + std::to_string(spec.min) +
                                   "-" + std::to_string(spec.max) + ")"};
}

// Fills `out` (indexed by value) from one comma-separated field; returns whether it was "*".
Result<bool> parse_field(std::string_view field, const FieldSpec& spec, auto& out) {
  if (field.empty()) return fail(field_error(spec, field, "is empty"));
  bool unrestricted = false;
  for (const std::string_view item : split(field, ',')) {
    const auto slash_parts = split(item, '/');
    if (slash_parts.size() > 2) return fail(field_error(spec, item, "has more than one '/'"));
    int step = 1;
    if (slash_parts.size() == 2) {
      const auto parsed = parse_value(slash_parts[1], FieldSpec{spec.name, 1, spec.max, {}});
      if (!parsed || *parsed < 1) return fail(field_error(spec, item, "has an invalid step"));
      step = *parsed;
    }
    const std::string_view range = slash_parts[0];
    int low = spec.min;
    int high = spec.max;
    if (range == "*") {
      if (slash_parts.size() == 1 && split(field, ',').size() == 1) unrestricted = true;
    } else {
      const auto bounds = split(range, '-');
      if (bounds.size() > 2) return fail(field_error(spec, item, "is not a valid range"));
      const auto first = parse_value(bounds[0], spec);
      if (!first) return fail(field_error(spec, item, "is not a number or name"));
      low = *first;
      high = low;
      if (bounds.size() == 2) {
        const auto second = parse_value(bounds[1], spec);
        if (!second) return fail(field_error(spec, item, "is not a number or name"));
        high = *second;
      } else if (slash_parts.size() == 2) {
        high = spec.max;  // "5/15" means from 5 to the end, every 15
      }
    }
    if (low < spec.min || high > spec.max) return fail(field_error(spec, item, "is out of range"));
    if (low > high) return fail(field_error(spec, item, "has its range backwards"));
    for (int value = low; value <= high; value += step) {
      const int normalised = (&spec == &kDayOfWeek && value == 7) ? 0 : value;
      out.set(static_cast<size_t>(normalised));
    }
  }
  return unrestricted;
}

std::string_view expand_macro(std::string_view expression) {
  if (expression == "@hourly") return "0 * * * *";
  if (expression == "@daily" || expression == "@midnight") return "0 0 * * *";
  if (expression == "@weekly") return "0 0 * * 0";
  if (expression == "@monthly") return "0 0 1 * *";
  if (expression == "@yearly" || expression == "@annually") return "0 0 1 1 *";
  return expression;
}

}  // namespace

Result<CronSchedule> CronSchedule::parse(std::string_view expression) {
  const std::string_view expanded = expand_macro(expression);
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (pos < expanded.size()) {
    while (pos < expanded.size() && (expanded[pos] == ' ' || expanded[pos] == '\t')) ++pos;
    const size_t start = pos;
    while (pos < expanded.size() && expanded[pos] != ' ' && expanded[pos] != '\t') ++pos;
    if (pos > start) fields.push_back(expanded.substr(start, pos - start));
  }
  if (fields.size() != 5) {
    return fail("invalid_cron",
                "expected 5 fields (minute hour day-of-month month day-of-week), got " +
                    std::to_string(fields.size()));
  }
  CronSchedule schedule;
  schedule.expression_ = std::string(expression);
  if (auto r = parse_field(fields[0], kMinute, schedule.minutes_); !r) return fail(r.error());
  if (auto r = parse_field(fields[1], kHour, schedule.hours_); !r) return fail(r.error());
  auto dom = parse_field(fields[2], kDayOfMonth, schedule.days_of_month_);
  if (!dom) return fail(dom.error());
  if (auto r = parse_field(fields[3], kMonth, schedule.months_); !r) return fail(r.error());
  auto dow = parse_field(fields[4], kDayOfWeek, schedule.days_of_week_);
  if (!dow) return fail(dow.error());
  schedule.day_of_month_restricted_ = !*dom;
  schedule.day_of_week_restricted_ = !*dow;
  return schedule;
}

bool CronSchedule::day_matches(int day_of_month, int day_of_week) const {
  const bool dom = days_of_month_.test(static_cast<size_t>(day_of_month));
  const bool dow = days_of_week_.test(static_cast<size_t>(day_of_week));
  // Classic cron: when both fields are restricted, a day matching either one fires.
  if (day_of_month_restricted_ && day_of_week_restricted_) return dom || dow;
  return dom && dow;
}

std::optional<TimePoint> CronSchedule::next_after(TimePoint after) const {
  int64_t candidate = (to_unix_seconds(after) / 60 + 1) * 60;
  const int64_t limit = candidate + int64_t{5} * 366 * 24 * 3600;
  while (candidate < limit) {
    const auto seconds = static_cast<time_t>(candidate);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    if (!months_.test(static_cast<size_t>(parts.tm_mon + 1)) ||
        !day_matches(parts.tm_mday, parts.tm_wday)) {
      candidate += (24 - parts.tm_hour) * 3600 - parts.tm_min * 60;  // next midnight
      continue;
    }
    if (!hours_.test(static_cast<size_t>(parts.tm_hour))) {
      candidate += 3600 - parts.tm_min * 60;  // next hour
      continue;
    }
    if (!minutes_.test(static_cast<size_t>(parts.tm_min))) {
      candidate += 60;
      continue;
    }
    return from_unix_seconds(candidate);
  }
  return std::nullopt;
}

}  // namespace gep

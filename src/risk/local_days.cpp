#include "risk/local_days.h"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <limits>

namespace gep::risk {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;

bool is_utc(std::string_view name) {
  return name.empty() || name == "UTC" || name == "Etc/UTC" || name == "Z";
}

}  // namespace

Result<LocalDayCounter> LocalDayCounter::create(std::string_view zone_name) {
  LocalDayCounter counter;
  counter.zone_name_ = zone_name.empty() ? "UTC" : std::string(zone_name);
  if (is_utc(zone_name)) {
    counter.starts_ = {std::numeric_limits<int64_t>::min()};
    counter.offsets_ = {0};
    return counter;
  }
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(counter.zone_name_);
  } catch (const std::exception& error) {
    return fail("validation", "unknown time zone '" + counter.zone_name_ +
                                  "' (use an IANA name such as America/Denver): " + error.what());
  }
  // Walk the zone's periods from 1900 to 2200 once; the table is a few hundred entries at most.
  const auto first = date::sys_days{date::year{1900} / 1 / 1};
  const auto last = date::sys_days{date::year{2200} / 1 / 1};
  date::sys_seconds at = first;
  counter.starts_.push_back(std::numeric_limits<int64_t>::min());
  counter.offsets_.push_back(static_cast<int32_t>(zone->get_info(at).offset.count()));
  while (at < last) {
    const date::sys_info info = zone->get_info(at);
    if (info.end <= at || info.end >= last) break;
    at = info.end;
    const auto offset = static_cast<int32_t>(zone->get_info(at).offset.count());
    if (offset == counter.offsets_.back()) continue;  // abbreviation-only change
    counter.starts_.push_back(at.time_since_epoch().count());
    counter.offsets_.push_back(offset);
  }
  return counter;
}

int64_t LocalDayCounter::to_local_seconds(int64_t unix_seconds) const {
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), unix_seconds);
  const auto index = static_cast<size_t>(std::distance(starts_.begin(), after)) - 1;
  return unix_seconds + offsets_[index];
}

int64_t LocalDayCounter::whole_days_between_local(int64_t from_local, int64_t to_local) {
  if (to_local <= from_local) return 0;
  return (to_local - from_local) / kSecondsPerDay;  // positive: division is floor
}

int64_t LocalDayCounter::whole_days(int64_t from_unix_seconds, int64_t to_unix_seconds) const {
  return whole_days_between_local(to_local_seconds(from_unix_seconds),
                                  to_local_seconds(to_unix_seconds));
}

}  // namespace gep::risk

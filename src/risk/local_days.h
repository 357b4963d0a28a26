#pragma once
// Whole days between two instants, as people in the configured time zone count them.
//
// Definition: days = floor((local(to) − local(from)) / 24 h), where local(t) is the wall-clock
// reading of instant t in the zone (UTC plus the offset in force at t), and 0 when negative.
// In words: a day has passed when the local clock shows the same time one calendar day later.
// - exactly 7 × 24 h later at the same wall-clock time → 7 days;
// - 6 days 23 hours of wall-clock time → 6 days;
// - across a DST change, the same wall-clock time 7 calendar days later is 7 days although only
//   167 (spring forward) or 169 (fall back) real hours passed.
// Rejected alternatives: counting local midnights crossed makes 09:00 Mon → 08:00 next Mon
// (6 d 23 h) "7 days"; floor(real elapsed / 24 h) makes a 167-hour DST week "6 days".
//
// Speed: the zone is looked up once; its UTC-offset transitions are copied into a flat table, so
// each conversion is one binary search with no allocation and no library call. "UTC" (the
// default) needs no time-zone database at all. The system database's transition tables end in
// 2037: later instants use the last offset listed (no DST), which moves day counts by at most one
// hour's worth at the boundary.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gep::risk {

class LocalDayCounter {
 public:
  // An IANA name ("America/Denver"); empty means UTC. Unknown names are a "validation" error.
  static Result<LocalDayCounter> create(std::string_view zone_name);

  const std::string& zone_name() const { return zone_name_; }
  int64_t to_local_seconds(int64_t unix_seconds) const;
  int64_t whole_days(int64_t from_unix_seconds, int64_t to_unix_seconds) const;
  // For callers that convert "now" once per batch.
  static int64_t whole_days_between_local(int64_t from_local, int64_t to_local);

 private:
  std::string zone_name_;
  std::vector<int64_t> starts_;   // UTC second from which offsets_[i] applies, ascending
  std::vector<int32_t> offsets_;  // seconds east of UTC
};

}  // namespace gep::risk

// Day counting: whole days of local wall-clock time, including across DST changes.
#include "risk/local_days.h"

#include <gtest/gtest.h>

namespace gep::risk {
namespace {

constexpr int64_t kHour = 3'600;
constexpr int64_t kDay = 24 * kHour;

LocalDayCounter counter(const char* zone) {
  auto created = LocalDayCounter::create(zone);
  EXPECT_TRUE(created.ok()) << zone;
  return std::move(created).value();
}

TEST(LocalDays, UtcBoundaries) {
  const LocalDayCounter utc = counter("UTC");
  const int64_t start = 1'717'236'000;  // 2024-06-01T10:00:00Z
  EXPECT_EQ(utc.whole_days(start, start + 7 * kDay), 7);
  EXPECT_EQ(utc.whole_days(start, start + 7 * kDay - 1), 6);
  EXPECT_EQ(utc.whole_days(start, start + 6 * kDay + 23 * kHour), 6);
  EXPECT_EQ(utc.whole_days(start, start + 13 * kDay + 23 * kHour), 13);
  EXPECT_EQ(utc.whole_days(start, start + 14 * kDay), 14);
  EXPECT_EQ(utc.whole_days(start, start), 0);
  EXPECT_EQ(utc.whole_days(start, start - kDay), 0);  // a future date is not negative days
  // Not midnight counting: 23:00 → 01:00 next day is 0 whole days.
  EXPECT_EQ(utc.whole_days(1'717'282'800, 1'717'290'000), 0);
}

TEST(LocalDays, EmptyNameIsUtc) {
  const LocalDayCounter utc = counter("");
  EXPECT_EQ(utc.zone_name(), "UTC");
  EXPECT_EQ(utc.to_local_seconds(1'700'000'000), 1'700'000'000);
}

TEST(LocalDays, UnknownZoneIsAValidationError) {
  const auto created = LocalDayCounter::create("Mars/Olympus_Mons");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, "validation");
  EXPECT_NE(created.error().message.find("unknown time zone 'Mars/Olympus_Mons'"),
            std::string::npos);
}

TEST(LocalDays, OffsetsFollowTheZone) {
  const LocalDayCounter denver = counter("America/Denver");
  EXPECT_EQ(denver.to_local_seconds(1'704'067'200), 1'704'067'200 - 7 * kHour);  // January: MST
  EXPECT_EQ(denver.to_local_seconds(1'719'792'000), 1'719'792'000 - 6 * kHour);  // July: MDT
}

struct DstCase {
  const char* zone;
  int64_t from;  // unix seconds
  int64_t to;
  int64_t real_hours;
  int64_t expected_days;
};

TEST(LocalDays, SevenCalendarDaysAcrossDstAreSevenDays) {
  const DstCase cases[] = {
      // Denver spring forward 2024-03-10: Tue 03-05 10:00 MST → Tue 03-12 10:00 MDT.
      {"America/Denver", 1'709'658'000, 1'710'259'200, 167, 7},
      // Denver fall back 2024-11-03: Wed 10-30 10:00 MDT → Wed 11-06 10:00 MST.
      {"America/Denver", 1'730'304'000, 1'730'912'400, 169, 7},
      // New York spring forward 2024-03-10: 09:00 EST → 09:00 EDT a week later.
      {"America/New_York", 1'709'647'200, 1'710'248'400, 167, 7},
      // New York fall back 2024-11-03: 09:00 EDT → 09:00 EST a week later.
      {"America/New_York", 1'730'293'200, 1'730'901'600, 169, 7},
      // Fall back: 168 real hours is only 6 d 23 h on the local clock.
      {"America/Denver", 1'730'304'000, 1'730'908'800, 168, 6},
      // Spring forward: 10:00 → 09:00 a week later is 6 d 23 h on the local clock (166 h real).
      {"America/Denver", 1'709'658'000, 1'710'255'600, 166, 6},
  };
  for (const DstCase& c : cases) {
    ASSERT_EQ(c.to - c.from, c.real_hours * kHour) << c.zone << " " << c.from;
    EXPECT_EQ(counter(c.zone).whole_days(c.from, c.to), c.expected_days) << c.zone << " " << c.from;
  }
}

TEST(LocalDays, SameInstantsCountDifferentlyOnlyAcrossDst) {
  // 7 × 24 real hours inside summer: 7 days in Denver as in UTC.
  const int64_t from = 1'719'792'000;  // 2024-07-01
  EXPECT_EQ(counter("America/Denver").whole_days(from, from + 7 * kDay), 7);
  EXPECT_EQ(counter("America/Denver").whole_days(from, from + 7 * kDay - 1), 6);
}

}  // namespace
}  // namespace gep::risk

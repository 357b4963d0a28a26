#include "core/cron.h"

#include <gtest/gtest.h>

#include "core/time_format.h"

namespace gep {
namespace {

TimePoint at(const char* iso) {
  return from_unix_seconds(*parse_time_to_unix_seconds(iso));
}

std::string next(const char* expression, const char* after) {
  const auto schedule = CronSchedule::parse(expression);
  EXPECT_TRUE(schedule.ok()) << expression;
  if (!schedule) return "";
  const auto fire = schedule->next_after(at(after));
  return fire ? format_iso8601(*fire) : "never";
}

TEST(Cron, EveryFifteenMinutes) {
  EXPECT_EQ(next("*/15 * * * *", "2026-01-01T10:00:00Z"), "2026-01-01T10:15:00Z");
  EXPECT_EQ(next("*/15 * * * *", "2026-01-01T10:14:59Z"), "2026-01-01T10:15:00Z");
  EXPECT_EQ(next("*/15 * * * *", "2026-01-01T23:50:00Z"), "2026-01-02T00:00:00Z");
}

TEST(Cron, ListsRangesStepsAndNames) {
  EXPECT_EQ(next("0 9-17/4 * * mon-fri", "2026-11-21T12:00:00Z"),
            "2026-11-23T09:00:00Z");  // Sat -> Mon
  EXPECT_EQ(next("30 1,13 * * *", "2026-03-05T02:00:00Z"), "2026-03-05T13:30:00Z");
  EXPECT_EQ(next("0 0 1 jan *", "2026-06-01T00:00:00Z"), "2027-01-01T00:00:00Z");
  EXPECT_EQ(next("0 0 * * 7", "2026-11-24T00:00:00Z"), "2026-11-29T00:00:00Z");  // 7 is Sunday
  EXPECT_EQ(next("5/20 * * * *", "2026-01-01T10:06:00Z"), "2026-01-01T10:25:00Z");
  EXPECT_EQ(next("@daily", "2026-01-01T10:06:00Z"), "2026-01-02T00:00:00Z");
}

TEST(Cron, DayOfMonthOrDayOfWeekWhenBothRestricted) {
  // 13th of the month or any Friday: from Mon 2026-11-09 the next is Fri 2026-11-13 (both).
  EXPECT_EQ(next("0 0 13 * fri", "2026-11-09T00:00:00Z"), "2026-11-13T00:00:00Z");
  EXPECT_EQ(next("0 0 13 * fri", "2026-11-13T00:00:00Z"), "2026-11-20T00:00:00Z");
}

TEST(Cron, LeapDayAndImpossibleDates) {
  EXPECT_EQ(next("0 0 29 2 *", "2026-03-01T00:00:00Z"), "2028-02-29T00:00:00Z");
  EXPECT_EQ(next("0 0 31 2 *", "2026-01-01T00:00:00Z"), "never");
}

TEST(Cron, RejectsWithAReason) {
  struct Case {
    const char* expression;
    const char* message;
  };
  for (const Case& bad : {
           Case{"61 * * * *", "minute field '61' is out of range (allowed 0-59)"},
           Case{"* 24 * * *", "hour field '24' is out of range (allowed 0-23)"},
           Case{"* * 0 * *", "day-of-month field '0' is out of range (allowed 1-31)"},
           Case{"* * * 13 *", "month field '13' is out of range (allowed 1-12)"},
           Case{"* * * * 8", "day-of-week field '8' is out of range (allowed 0-7)"},
           Case{"*/0 * * * *", "minute field '*/0' has an invalid step (allowed 0-59)"},
           Case{"5-1 * * * *", "minute field '5-1' has its range backwards (allowed 0-59)"},
           Case{"a * * * *", "minute field 'a' is not a number or name (allowed 0-59)"},
           Case{"* * * * * *",
                "expected 5 fields (minute hour day-of-month month day-of-week), got 6"},
       }) {
    const auto parsed = CronSchedule::parse(bad.expression);
    ASSERT_FALSE(parsed.ok()) << bad.expression;
    EXPECT_EQ(parsed.error().message, bad.message) << bad.expression;
  }
}

}  // namespace
}  // namespace gep

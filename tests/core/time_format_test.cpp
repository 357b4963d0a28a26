#include "core/time_format.h"

#include <gtest/gtest.h>

namespace gep {
namespace {

TEST(TimeFormat, FormatsUtcIso8601) {
  EXPECT_EQ(format_iso8601_seconds(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601_seconds(1472567571), "2016-08-30T14:32:51Z");
}

TEST(TimeFormat, SaysATimeAsPeopleReadIt) {
  EXPECT_EQ(format_when(0), "never");
  EXPECT_EQ(format_when(1'700'000'000), "2023-11-14 22:13 UTC");
}

TEST(TimeFormat, ParsesTheFormsAdminsType) {
  EXPECT_EQ(parse_time_to_unix_seconds("2016-08-30"), 1472515200);
  EXPECT_EQ(parse_time_to_unix_seconds("2016-08-30T14:32:51Z"), 1472567571);
  EXPECT_EQ(parse_time_to_unix_seconds("2016-08-30T14:32:51.250Z"), 1472567571);
  EXPECT_EQ(parse_time_to_unix_seconds("2016-08-30T16:32:51+02:00"), 1472567571);
  EXPECT_EQ(parse_time_to_unix_seconds("2016-08-30 14:32"), 1472567520);
  EXPECT_EQ(parse_time_to_unix_seconds("1472567571"), 1472567571);
}

TEST(TimeFormat, RejectsNonsense) {
  for (const char* bad : {"", "yesterday", "2016-13-01", "2016-02-30", "2016-08-30T25:00Z",
                          "2016-08-30Tnoon", "-5", "2016-08-30T14:32:51Zjunk"}) {
    EXPECT_FALSE(parse_time_to_unix_seconds(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace gep

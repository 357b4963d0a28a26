#include <gtest/gtest.h>

#include "http/health_routes.h"

namespace gep::http {
namespace {

TEST(ProbeAtMostEvery, ReusesAnAnswerUntilItIsStaleThenProbesAgain) {
  ManualClock clock;
  int probes = 0;
  bool database_up = true;
  const DatabaseProbe probe = probe_at_most_every(
      [&] {
        ++probes;
        return DatabaseHealth{database_up, "sqlite", 6, database_up ? "" : "disk I/O error"};
      },
      clock, std::chrono::seconds(1));
  EXPECT_TRUE(probe().ok);
  database_up = false;
  clock.advance(std::chrono::milliseconds(999));
  EXPECT_TRUE(probe().ok);  // still the fresh answer
  EXPECT_EQ(probes, 1);
  clock.advance(std::chrono::milliseconds(1));
  const DatabaseHealth down = probe();
  EXPECT_FALSE(down.ok);
  EXPECT_EQ(down.message, "disk I/O error");
  EXPECT_EQ(probes, 2);
  database_up = true;
  EXPECT_FALSE(probe().ok);  // an unhealthy answer is reused the same way
  clock.advance(std::chrono::seconds(1));
  EXPECT_TRUE(probe().ok);
  EXPECT_EQ(probes, 3);
}

TEST(ProbeAtMostEvery, ProbesAgainWhenTheClockGoesBack) {
  ManualClock clock;
  int probes = 0;
  const DatabaseProbe probe = probe_at_most_every(
      [&] {
        ++probes;
        return DatabaseHealth{true, "sqlite", 6, ""};
      },
      clock, std::chrono::seconds(1));
  probe();
  clock.set(clock.now() - std::chrono::hours(1));
  probe();
  EXPECT_EQ(probes, 2);
}

}  // namespace
}  // namespace gep::http

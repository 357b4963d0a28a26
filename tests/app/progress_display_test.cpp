#include "app/progress_display.h"

#include <gtest/gtest.h>

namespace gep::app {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(MovingRateTest, TellsNothingBeforeTimePasses) {
  MovingRate rate;
  const MovingRate::TimePoint start{};
  rate.restart(start);
  EXPECT_FALSE(rate.per_second().has_value());
  rate.add(start, 0);
  EXPECT_FALSE(rate.per_second().has_value());
}

TEST(MovingRateTest, EveryLineShowsTheRateSinceTheStart) {
  MovingRate rate(seconds(5));
  const MovingRate::TimePoint start{};
  rate.restart(start);
  rate.add(start + seconds(1), 1000);
  EXPECT_DOUBLE_EQ(*rate.per_second(), 1000.0);
  rate.add(start + seconds(2), 3000);
  EXPECT_DOUBLE_EQ(*rate.per_second(), 1500.0);
}

TEST(MovingRateTest, FollowsTheLastSecondsOnceTheWindowIsFull) {
  MovingRate rate(seconds(5));
  const MovingRate::TimePoint start{};
  rate.restart(start);
  for (int second = 1; second <= 10; ++second) rate.add(start + seconds(second), 100 * second);
  // Fast at first, then 10x slower: the rate shows the slow part only.
  for (int tick = 1; tick <= 10; ++tick) {
    rate.add(start + seconds(10) + milliseconds(1000 * tick), 1000 + 10 * tick);
  }
  EXPECT_NEAR(*rate.per_second(), 10.0, 0.01);
}

}  // namespace
}  // namespace gep::app

#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace gep::auth {
namespace {

using std::chrono::minutes;

constexpr int64_t kNow = 1'700'000'000;

TEST(LockedUntil, FewerFailuresThanTheThresholdLockNothing) {
  EXPECT_FALSE(
      locked_until({kNow, kNow - 1, kNow - 2, kNow - 3}, 5, minutes(15), minutes(15), kNow));
  EXPECT_FALSE(locked_until({}, 5, minutes(15), minutes(15), kNow));
}

TEST(LockedUntil, ThresholdFailuresWithinTheWindowLockFromTheLastOne) {
  const std::vector<int64_t> failures = {kNow - 10, kNow - 100, kNow - 200, kNow - 300, kNow - 400};
  EXPECT_EQ(locked_until(failures, 5, minutes(15), minutes(15), kNow), kNow - 10 + 900);
  EXPECT_EQ(locked_until(failures, 5, minutes(15), minutes(15), kNow - 10 + 899), kNow - 10 + 900);
  EXPECT_FALSE(locked_until(failures, 5, minutes(15), minutes(15), kNow - 10 + 900));
}

TEST(LockedUntil, FailuresSpreadWiderThanTheWindowLockNothing) {
  const std::vector<int64_t> failures = {kNow, kNow - 300, kNow - 600, kNow - 900, kNow - 901};
  EXPECT_FALSE(locked_until(failures, 5, minutes(15), minutes(15), kNow));
}

TEST(LockedUntil, AnOlderBurstStillLocksUntilItsOwnEnd) {
  // Five failures 10 minutes ago, then one more 2 minutes ago (spread too wide with it).
  const std::vector<int64_t> failures = {kNow - 120,  kNow - 3000, kNow - 3001,
                                         kNow - 3002, kNow - 3003, kNow - 3004};
  EXPECT_FALSE(locked_until(failures, 5, minutes(15), minutes(15), kNow));
  const std::vector<int64_t> recent = {kNow - 120, kNow - 600, kNow - 601,
                                       kNow - 602, kNow - 603, kNow - 604};
  EXPECT_EQ(locked_until(recent, 5, minutes(15), minutes(15), kNow), kNow - 120 + 900);
}

TEST(FailureDelay, GrowsWithFailuresUpToTheCap) {
  const ThrottlePolicy policy;
  EXPECT_EQ(failure_delay(policy, 0).count(), 0);
  EXPECT_EQ(failure_delay(policy, 1).count(), 100);
  EXPECT_EQ(failure_delay(policy, 4).count(), 400);
  EXPECT_EQ(failure_delay(policy, 50).count(), 1000);
}

}  // namespace
}  // namespace gep::auth

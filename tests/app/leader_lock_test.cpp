// Issue 4: with several gep instances exactly one runs the scheduled sync. Two schedulers, each
// with its own leader lock (as two processes would have), tick at the same fire time.
#include "app/leader_locks.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/test_database.h"
#include "sync/scheduler.h"

namespace gep::app {
namespace {

TimePoint next_minute(const ManualClock& clock) {
  return from_unix_seconds((to_unix_seconds(clock.now()) / 60 + 1) * 60);
}

// Two schedulers tick at the same fire time; answers how many ran.
int runs_at_one_tick(sync::LeaderLock& first, sync::LeaderLock& second, ManualClock& clock) {
  int runs = 0;
  const auto every_minute = *CronSchedule::parse("* * * * *");
  sync::SyncScheduler a(every_minute, clock, first, [&runs] { ++runs; });
  sync::SyncScheduler b(every_minute, clock, second, [&runs] { ++runs; });
  clock.set(next_minute(clock));
  a.tick();
  b.tick();
  return runs;
}

TEST(LeaderLock, PostgresAdvisoryLockElectsOneLeaderAndHandsItOverWhenItStops) {
  if (!test::postgres_test_url()) {
    if (test::postgres_skip_allowed()) GTEST_SKIP() << "GEP_TEST_DATABASE_URL is not set";
    FAIL() << "GEP_TEST_DATABASE_URL is not set (scripts/pg-test-cluster.sh start)";
  }
  auto database = test::TestDatabase::create(test::Backend::postgres);
  ASSERT_TRUE(database.ok()) << database.error().message;
  auto instance_a = (*database)->open();
  auto instance_b = (*database)->open();
  ASSERT_TRUE(instance_a.ok() && instance_b.ok());
  const int64_t key =
      0x7465737400000000 + ::getpid();  // not the production key: tests run in parallel
  auto lock_a = std::make_unique<PostgresLeaderLock>(**instance_a, key);
  PostgresLeaderLock lock_b(**instance_b, key);

  ManualClock clock;
  EXPECT_EQ(runs_at_one_tick(*lock_a, lock_b, clock), 1);
  EXPECT_TRUE(lock_a->still_held());
  EXPECT_FALSE(lock_b.still_held());
  EXPECT_EQ(runs_at_one_tick(*lock_a, lock_b, clock), 1);  // the leader keeps it

  lock_a.reset();  // the leader stops: it unlocks, and its dedicated connection closes
  EXPECT_TRUE(lock_b.try_acquire());
  EXPECT_TRUE(lock_b.still_held());
  EXPECT_EQ(runs_at_one_tick(lock_b, lock_b, clock),
            2);  // the same process ticking twice runs twice
}

TEST(LeaderLock, SqliteLockFileElectsOneLeader) {
  const auto path =
      std::filesystem::temp_directory_path() / ("gep-leader-" + std::to_string(::getpid()));
  auto first = std::make_unique<FileLeaderLock>(path.string());
  FileLeaderLock second(path.string());
  ManualClock clock;
  EXPECT_EQ(runs_at_one_tick(*first, second, clock), 1);
  first.reset();
  EXPECT_TRUE(second.try_acquire());
  second.release();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace gep::app

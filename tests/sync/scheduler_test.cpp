#include "sync/scheduler.h"

#include <gtest/gtest.h>

#include "core/time_format.h"
#include "sync/fake_leader_lock.h"

namespace gep::sync {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TimePoint at(const char* iso) {
  return from_unix_seconds(*parse_time_to_unix_seconds(iso));
}

class SchedulerTest : public ::testing::Test {
 protected:
  SyncScheduler make(const char* cron) {
    return SyncScheduler(*CronSchedule::parse(cron), clock_, lock_, [this] {
      ++runs_;
      if (during_run_) during_run_();
    });
  }
  ManualClock clock_{at("2026-11-24T10:01:00Z")};
  testing::FakeLeaderLock lock_;
  int runs_ = 0;
  std::function<void()> during_run_;
};

TEST_F(SchedulerTest, RunsOncePerFireTime) {
  auto scheduler = make("*/15 * * * *");
  EXPECT_EQ(format_iso8601(*scheduler.next_fire()), "2026-11-24T10:15:00Z");
  EXPECT_EQ(scheduler.tick(), TickOutcome::not_due);
  clock_.set(at("2026-11-24T10:15:00Z"));
  EXPECT_EQ(scheduler.tick(), TickOutcome::ran);
  EXPECT_EQ(scheduler.tick(), TickOutcome::not_due);
  EXPECT_EQ(format_iso8601(*scheduler.next_fire()), "2026-11-24T10:30:00Z");
  EXPECT_EQ(runs_, 1);
}

TEST_F(SchedulerTest, MissedFireTimesRunOnce) {
  auto scheduler = make("* * * * *");
  clock_.advance(minutes(90));
  EXPECT_EQ(scheduler.tick(), TickOutcome::ran);
  EXPECT_EQ(scheduler.tick(), TickOutcome::not_due);
  EXPECT_EQ(runs_, 1);
}

TEST_F(SchedulerTest, OnlyTheLeaderRuns) {
  auto scheduler = make("* * * * *");
  lock_.available = false;
  clock_.advance(minutes(1));
  EXPECT_EQ(scheduler.tick(), TickOutcome::skipped_not_leader);
  lock_.available = true;
  clock_.advance(minutes(1));
  EXPECT_EQ(scheduler.tick(), TickOutcome::ran);
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(lock_.attempts, 2);
}

TEST_F(SchedulerTest, RunsNeverOverlap) {
  auto scheduler = make("* * * * *");
  TickOutcome nested = TickOutcome::not_due;
  during_run_ = [&] {
    clock_.advance(minutes(1));  // the run outlasts its minute...
    nested = scheduler.tick();   // ...and the next fire time comes while it runs
  };
  clock_.advance(minutes(1));
  EXPECT_EQ(scheduler.tick(), TickOutcome::ran);
  EXPECT_EQ(nested, TickOutcome::skipped_still_running);
  EXPECT_EQ(runs_, 1);
}

TEST_F(SchedulerTest, StartAndStopWithoutFiring) {
  auto scheduler = make("0 0 1 1 *");
  scheduler.start();
  scheduler.stop();
  EXPECT_EQ(runs_, 0);
}

}  // namespace
}  // namespace gep::sync

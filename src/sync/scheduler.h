#pragma once
// Runs the sync on a cron schedule. Runs never overlap, and only the leader runs them. The
// decision is a pure step (`tick`) over an injected clock, so tests drive it without sleeping;
// `start` adds the thread that waits between ticks in production.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/clock.h"
#include "core/cron.h"
#include "sync/leader_lock.h"

namespace gep::sync {

enum class TickOutcome { not_due, ran, skipped_not_leader, skipped_still_running };

class SyncScheduler {
 public:
  using SyncRun = std::function<void()>;

  SyncScheduler(CronSchedule schedule, Clock& clock, LeaderLock& lock, SyncRun run);
  ~SyncScheduler();
  SyncScheduler(const SyncScheduler&) = delete;
  SyncScheduler& operator=(const SyncScheduler&) = delete;

  // Runs the sync if a fire time has passed. A tick that finds several missed fire times runs
  // once (catch-up storms help nobody: the incremental cursor covers the gap).
  TickOutcome tick();
  std::optional<TimePoint> next_fire() const;

  // Production: a thread that sleeps until the next fire time (or stop) and ticks.
  void start();
  void stop();

 private:
  void loop();

  const CronSchedule schedule_;
  Clock& clock_;
  LeaderLock& lock_;
  const SyncRun run_;

  mutable std::mutex mutex_;
  std::optional<TimePoint> next_fire_;
  std::atomic<bool> running_{false};
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gep::sync

#include "sync/scheduler.h"

#include "core/logging.h"
#include "core/time_format.h"

namespace gep::sync {

SyncScheduler::SyncScheduler(CronSchedule schedule, Clock& clock, LeaderLock& lock, SyncRun run)
    : schedule_(std::move(schedule)), clock_(clock), lock_(lock), run_(std::move(run)) {
  next_fire_ = schedule_.next_after(clock_.now());
}

SyncScheduler::~SyncScheduler() {
  stop();
}

std::optional<TimePoint> SyncScheduler::next_fire() const {
  const std::lock_guard lock(mutex_);
  return next_fire_;
}

TickOutcome SyncScheduler::tick() {
  const TimePoint now = clock_.now();
  {
    const std::lock_guard lock(mutex_);
    if (!next_fire_ || now < *next_fire_) return TickOutcome::not_due;
    next_fire_ = schedule_.next_after(now);
  }
  if (running_.exchange(true)) return TickOutcome::skipped_still_running;
  struct ResetRunning {
    std::atomic<bool>& flag;
    ~ResetRunning() { flag = false; }
  } reset{running_};
  if (!lock_.try_acquire()) {
    log::debug("scheduled sync skipped: another instance is the sync leader");
    return TickOutcome::skipped_not_leader;
  }
  run_();
  return TickOutcome::ran;
}

void SyncScheduler::start() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
  if (const auto fire = next_fire())
    log::info("sync scheduled; next run at {}", format_iso8601(*fire));
}

void SyncScheduler::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncScheduler::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (!next_fire_) return;  // the expression never fires again
    // The wait uses the system clock: this loop only runs with the real clock in production.
    wake_.wait_until(lock, *next_fire_, [this] { return stopping_; });
    if (stopping_) return;
    lock.unlock();
    tick();
    lock.lock();
  }
}

}  // namespace gep::sync

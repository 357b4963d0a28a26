#include "core/clock.h"

#include <thread>

namespace gep {

TimePoint SystemClock::now() const {
  return std::chrono::system_clock::now();
}

void SystemClock::sleep_for(Duration duration) {
  std::this_thread::sleep_for(duration);
}

ManualClock::ManualClock(TimePoint start) : now_(start) {}

TimePoint ManualClock::now() const {
  const std::lock_guard lock(mutex_);
  return now_;
}

void ManualClock::sleep_for(Duration duration) {
  const std::lock_guard lock(mutex_);
  now_ += duration;
  slept_ += duration;
}

void ManualClock::advance(Duration duration) {
  const std::lock_guard lock(mutex_);
  now_ += duration;
}

void ManualClock::set(TimePoint time) {
  const std::lock_guard lock(mutex_);
  now_ = time;
}

Duration ManualClock::total_slept() const {
  const std::lock_guard lock(mutex_);
  return slept_;
}

int64_t to_unix_seconds(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

TimePoint from_unix_seconds(int64_t seconds) {
  return TimePoint{std::chrono::seconds{seconds}};
}

}  // namespace gep

#pragma once
// All time comes from a Clock so that tests control it and never sleep for real.
#include <chrono>
#include <cstdint>
#include <mutex>

namespace gep {

using TimePoint = std::chrono::system_clock::time_point;
using Duration = std::chrono::milliseconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  // Waiting goes through the clock too: a simulated clock advances instead of blocking.
  virtual void sleep_for(Duration duration) = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
  void sleep_for(Duration duration) override;
};

// Simulated time for tests: sleep_for advances the clock instantly and records the total.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start = TimePoint{std::chrono::seconds{1'700'000'000}});
  TimePoint now() const override;
  void sleep_for(Duration duration) override;
  void advance(Duration duration);
  void set(TimePoint time);
  Duration total_slept() const;

 private:
  mutable std::mutex mutex_;
  TimePoint now_;
  Duration slept_{0};
};

int64_t to_unix_seconds(TimePoint time);
TimePoint from_unix_seconds(int64_t seconds);

}  // namespace gep

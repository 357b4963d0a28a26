#pragma once
// Client-side token bucket (JOBNIMBUS_MAX_RPS). JobNimbus does not publish its limits, so we stay
// under a configured rate rather than discover it through 429s. One limiter is shared by every
// thread (and every client) of the process; all waiting goes through the Clock, so tests run on a
// ManualClock without sleeping.
#include <memory>
#include <mutex>

#include "core/clock.h"

namespace gep::jobnimbus {

class RateLimiter {
 public:
  // `burst` tokens may be spent at once after a quiet period; at least 1.
  RateLimiter(double per_second, double burst, std::shared_ptr<Clock> clock);

  // Blocks (through the clock) until the caller may send one request. Each caller reserves its
  // own slot under the lock and waits outside it, so concurrent callers are spaced, not bunched.
  void acquire();

  // Nobody sends before now + duration: a 429's Retry-After applies to the whole account.
  void pause_for(Duration duration);

  double per_second() const { return per_second_; }

 private:
  const double per_second_;
  const double burst_;
  const std::shared_ptr<Clock> clock_;
  std::mutex mutex_;
  double tokens_;  // tokens available at `as_of_` (negative: slots already reserved)
  TimePoint as_of_;
};

// The process-wide limiter on the system clock. The first call fixes the rate (configuration is
// process-wide too); later calls return the same limiter.
std::shared_ptr<RateLimiter> process_rate_limiter(double per_second);

}  // namespace gep::jobnimbus

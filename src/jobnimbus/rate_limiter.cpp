#include "jobnimbus/rate_limiter.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace gep::jobnimbus {
namespace {

double seconds_between(TimePoint from, TimePoint to) {
  return std::chrono::duration<double>(to - from).count();
}

Duration to_duration(double seconds) {
  return Duration{static_cast<Duration::rep>(std::ceil(seconds * 1000.0))};
}

}  // namespace

RateLimiter::RateLimiter(double per_second, double burst, std::shared_ptr<Clock> clock)
    : per_second_(std::max(per_second, 0.001)),
      burst_(std::max(burst, 1.0)),
      clock_(std::move(clock)),
      tokens_(std::max(burst, 1.0)),
      as_of_(clock_->now()) {}

void RateLimiter::acquire() {
  Duration wait{0};
  {
    const std::lock_guard lock(mutex_);
    const TimePoint now = clock_->now();
    if (now > as_of_) {
      tokens_ = std::min(burst_, tokens_ + seconds_between(as_of_, now) * per_second_);
      as_of_ = now;
    }
    tokens_ -= 1.0;
    // Our token exists at as_of_ (which is in the future during a pause) plus the time the
    // bucket needs to refill the deficit.
    const double deficit_seconds = tokens_ < 0 ? -tokens_ / per_second_ : 0.0;
    const double wait_seconds = seconds_between(now, as_of_) + deficit_seconds;
    if (wait_seconds > 0) wait = to_duration(wait_seconds);
  }
  if (wait > Duration{0}) clock_->sleep_for(wait);
}

void RateLimiter::pause_for(Duration duration) {
  const std::lock_guard lock(mutex_);
  const TimePoint until = clock_->now() + duration;
  if (until <= as_of_) return;
  // Nothing accrues during the pause: one request may probe when it ends, then the rate
  // applies. Reservations already made keep their order after it.
  tokens_ = std::min(tokens_, 1.0);
  as_of_ = until;
}

std::shared_ptr<RateLimiter> process_rate_limiter(double per_second) {
  static std::mutex mutex;
  static std::shared_ptr<RateLimiter> limiter;
  const std::lock_guard lock(mutex);
  if (!limiter) {
    limiter = std::make_shared<RateLimiter>(per_second, std::max(1.0, per_second),
                                            std::make_shared<SystemClock>());
  }
  return limiter;
}

}  // namespace gep::jobnimbus

#pragma once
// How long to wait between attempts: exponential backoff with full jitter (a uniformly random wait
// in [0, min(cap, base * 2^n)]), so that many clients failing together do not retry together, and
// Retry-After parsing for 429s.
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>

#include "core/clock.h"

namespace gep::jobnimbus {

struct RetryPolicy {
  int max_attempts = 6;               // requests per call, the first included
  Duration initial_backoff{500};      // the cap of the first jittered wait
  Duration max_backoff{30'000};       // cap on any one jittered wait
  Duration max_total_wait{120'000};   // cap on all waits of one call
  Duration max_retry_after{120'000};  // a longer Retry-After is returned as rate_limited
  uint64_t jitter_seed = 0;           // 0: seeded from the system; tests fix it
};

class Backoff {
 public:
  explicit Backoff(const RetryPolicy& policy);
  // The jittered wait before retry number `retry` (0 for the first retry). Thread-safe.
  Duration delay(int retry);

 private:
  const RetryPolicy policy_;
  std::mutex mutex_;
  std::mt19937_64 random_;
};

// Retry-After is either delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT",
// also the obsolete RFC 850 and asctime forms). A date in the past means "now" (0).
std::optional<Duration> parse_retry_after(std::string_view value, TimePoint now);

// An HTTP-date as unix seconds, or nullopt.
std::optional<int64_t> parse_http_date(std::string_view text);

}  // namespace gep::jobnimbus

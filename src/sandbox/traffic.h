#pragma once
// What happens to a request before it reaches the account: the rate limit (a token bucket; 429
// with or without Retry-After), injected faults, and per-endpoint request counters. All settings
// can change while the server runs (control API), and tests can force the next faults exactly.
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "sandbox/rng.h"
#include "sandbox/sandbox_options.h"

namespace gep::sandbox {

enum class FaultKind {
  none,
  server_error,              // 500/502/503/504 before anything happened
  drop,                      // connection closed without a response, before anything happened
  truncate,                  // response cut off mid-body (reads), connection closed
  server_error_after_write,  // the write was applied, then a 502/504 came back
  drop_after_write,          // the write was applied, then the connection dropped
  truncate_after_write,      // the write was applied, then the response was cut off
};
std::string_view to_string(FaultKind kind);
std::optional<FaultKind> parse_fault_kind(std::string_view text);
inline bool is_after_write(FaultKind kind) {
  return kind == FaultKind::server_error_after_write || kind == FaultKind::drop_after_write ||
         kind == FaultKind::truncate_after_write;
}

struct TrafficSettings {
  double rate_limit = 0;  // requests per second, 0 = unlimited
  double fault_rate = 0;
  int latency_ms = 0;
  RetryAfterMode retry_after = RetryAfterMode::yes;
  StringBehaviour string_ranges = StringBehaviour::honour;
  StringBehaviour string_sort = StringBehaviour::honour;
};
nlohmann::json to_json(const TrafficSettings& settings);

class Traffic {
 public:
  Traffic(Clock& clock, TrafficSettings settings, uint64_t seed);

  TrafficSettings settings() const;
  void set_settings(TrafficSettings settings);

  // Takes a token; when none is left answers how many seconds until one is.
  std::optional<double> admit();
  // The Retry-After header value for a 429 (nullopt: send none), following the mode.
  std::optional<std::string> retry_after_value(double wait_seconds);

  // The fault for this request: a forced one that matches first, else random at fault_rate.
  FaultKind decide(std::string_view method, std::string_view path, bool is_write);
  // Forces the next `count` requests whose method matches (empty = any) and whose path starts
  // with `path_prefix` to fail with `kind`.
  void force(FaultKind kind, std::string method, std::string path_prefix, int64_t count);
  void clear_forced();
  // The status code of an injected server error: 500, 502, 503 or 504 in turn.
  int next_error_status();

  void count_request(const std::string& endpoint);
  void count_status(int status);
  void count_fault(FaultKind kind);
  nlohmann::json stats() const;
  uint64_t requests(const std::string& endpoint) const;
  void reset_stats();

 private:
  struct Forced {
    FaultKind kind;
    std::string method;
    std::string path_prefix;
    int64_t remaining;
  };

  Clock& clock_;
  mutable std::mutex mutex_;
  TrafficSettings settings_;
  double tokens_ = 0;
  TimePoint refilled_{};
  uint64_t retry_after_turn_ = 0;
  uint64_t error_turn_ = 0;
  Rng rng_;
  std::vector<Forced> forced_;
  std::map<std::string, uint64_t> requests_;
  std::map<int, uint64_t> statuses_;
  std::map<std::string, uint64_t> faults_;
};

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::string http_date(int64_t unix_seconds);

}  // namespace gep::sandbox

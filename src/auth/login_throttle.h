#pragma once
// Slowing and locking out failed sign-ins, per account and per address. Decided from the stored
// attempts alone, so a username that does not exist is throttled exactly like one that does and
// the answers never reveal which usernames exist.
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace gep::auth {

struct ThrottlePolicy {
  // `account_failures` failures within `account_window` lock the account for `account_lockout`
  // after the last of them; a successful sign-in starts the count afresh.
  int account_failures = 5;
  std::chrono::seconds account_window{std::chrono::minutes(15)};
  std::chrono::seconds account_lockout{std::chrono::minutes(15)};
  // The same per client address, whatever usernames it tries (successes do not reset it).
  int address_failures = 20;
  std::chrono::seconds address_window{std::chrono::minutes(15)};
  std::chrono::seconds address_lockout{std::chrono::minutes(15)};
  // Each failed answer waits step x (recent failures of the account), at most max_delay.
  std::chrono::milliseconds delay_step{100};
  std::chrono::milliseconds max_delay{1000};
};

// When `threshold` failures fall within `window` and the last of them is less than `lockout`
// ago, the time the lock ends. `failures` are unix seconds, newest first.
std::optional<int64_t> locked_until(const std::vector<int64_t>& failures, int threshold,
                                    std::chrono::seconds window, std::chrono::seconds lockout,
                                    int64_t now);

// How long to hold a failed answer, given the account's recent failures (this one included).
std::chrono::milliseconds failure_delay(const ThrottlePolicy& policy, size_t recent_failures);

}  // namespace gep::auth

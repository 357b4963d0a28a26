#include "auth/login_throttle.h"

#include <algorithm>

namespace gep::auth {

std::optional<int64_t> locked_until(const std::vector<int64_t>& failures, int threshold,
                                    std::chrono::seconds window, std::chrono::seconds lockout,
                                    int64_t now) {
  if (threshold <= 0) return std::nullopt;
  const auto needed = static_cast<size_t>(threshold);
  for (size_t newest = 0; newest + needed <= failures.size(); ++newest) {
    const int64_t ends = failures[newest] + lockout.count();
    if (ends <= now) break;  // older runs of failures end even earlier
    if (failures[newest] - failures[newest + needed - 1] <= window.count()) return ends;
  }
  return std::nullopt;
}

std::chrono::milliseconds failure_delay(const ThrottlePolicy& policy, size_t recent_failures) {
  const auto steps = static_cast<int64_t>(std::min<size_t>(recent_failures, 1000));
  return std::min(policy.delay_step * steps, policy.max_delay);
}

}  // namespace gep::auth

#pragma once
// A call whose answer is reused for a while: probes that anyone may trigger (health checks, the
// sync page's JobNimbus check) must not turn a flood of page loads into a flood of requests.
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "core/clock.h"

namespace gep {

// The answer (a failing one too) is reused for `fresh_for`. Concurrent callers of a stale answer
// wait for one call instead of each making their own. A clock that went back counts as stale.
template <class Answer>
std::function<Answer()> at_most_every(std::function<Answer()> call, const Clock& clock,
                                      Duration fresh_for) {
  struct Cached {
    std::mutex mutex;
    std::optional<Answer> answer;
    TimePoint called_at;
  };
  return [call = std::move(call), &clock, fresh_for, cached = std::make_shared<Cached>()] {
    const std::lock_guard lock(cached->mutex);
    const TimePoint now = clock.now();
    if (!cached->answer || now - cached->called_at >= fresh_for || now < cached->called_at) {
      cached->answer = call();
      cached->called_at = now;
    }
    return *cached->answer;
  };
}

}  // namespace gep

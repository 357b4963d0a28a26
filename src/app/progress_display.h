#pragma once
// Import progress for people: a redrawn one-line bar on a terminal, plain log lines otherwise
// (CI logs, files), at most one per second.
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>

#include "sync/pull_engine.h"

namespace gep::app {

// Records per second over the last few seconds of samples (fewer at the start of a run).
class MovingRate {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  explicit MovingRate(std::chrono::steady_clock::duration window = std::chrono::seconds(5))
      : window_(window) {}
  void restart(TimePoint at) { samples_.assign(1, {at, 0}); }
  void add(TimePoint at, int64_t count);
  // nullopt until some time has passed since the first sample.
  std::optional<double> per_second() const;

 private:
  std::chrono::steady_clock::duration window_;
  std::deque<std::pair<TimePoint, int64_t>> samples_;
};

class ProgressDisplay {
 public:
  explicit ProgressDisplay(bool terminal) : terminal_(terminal) {}
  // Call as each entity's pull begins: the rate counts from there.
  void start(sync::PullEntity entity);
  void update(const sync::PullProgress& progress);
  void finish(const sync::PullReport& report);

 private:
  std::string line(const sync::PullProgress& progress, std::optional<double> rate) const;

  bool terminal_;
  sync::PullEntity entity_ = sync::PullEntity::jobs;
  int64_t expected_total_ = -1;
  std::chrono::steady_clock::time_point last_shown_{};
  MovingRate rate_;
};

}  // namespace gep::app

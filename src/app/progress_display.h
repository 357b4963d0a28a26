#pragma once
// Import progress for people: a redrawn one-line bar on a terminal, plain log lines otherwise
// (CI logs, files), at most one per second.
#include <chrono>
#include <cstdint>
#include <string>

#include "sync/pull_engine.h"

namespace gep::app {

class ProgressDisplay {
 public:
  explicit ProgressDisplay(bool terminal) : terminal_(terminal) {}
  void update(const sync::PullProgress& progress);
  void finish(const sync::PullReport& report);

 private:
  std::string line(const sync::PullProgress& progress, double rate) const;

  bool terminal_;
  sync::PullEntity entity_ = sync::PullEntity::jobs;
  int64_t expected_total_ = -1;
  std::chrono::steady_clock::time_point started_{};
  std::chrono::steady_clock::time_point last_shown_{};
};

}  // namespace gep::app

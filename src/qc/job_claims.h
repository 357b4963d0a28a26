#pragma once
// Which jobs have an evaluation between reading their latest stored result and committing the
// new one. A job's result must not be written by two evaluations at once (both would compare
// against the same previous result: two history rows, two notes). Claims are per job, so
// evaluate-all can write one batch while it evaluates the next, and a single job's evaluation
// waits only when its own job is in flight.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <span>
#include <unordered_set>

namespace gep::qc {

class JobClaims {
 public:
  // Waits until none of `job_ids` is claimed, then claims them all at once (never some of
  // them while waiting for others, so two claimers cannot deadlock).
  void claim(std::span<const int64_t> job_ids);
  void release(std::span<const int64_t> job_ids);

 private:
  std::mutex mutex_;
  std::condition_variable released_;
  std::unordered_set<int64_t> claimed_;
};

}  // namespace gep::qc

#include "qc/job_claims.h"

#include <algorithm>

namespace gep::qc {

void JobClaims::claim(std::span<const int64_t> job_ids) {
  std::unique_lock lock(mutex_);
  released_.wait(lock, [&] {
    return std::none_of(job_ids.begin(), job_ids.end(),
                        [&](int64_t id) { return claimed_.contains(id); });
  });
  claimed_.insert(job_ids.begin(), job_ids.end());
}

void JobClaims::release(std::span<const int64_t> job_ids) {
  {
    const std::lock_guard lock(mutex_);
    for (const int64_t id : job_ids) claimed_.erase(id);
  }
  released_.notify_all();
}

}  // namespace gep::qc

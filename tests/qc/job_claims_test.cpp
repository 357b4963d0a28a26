// Per-job claims: disjoint batches go together, a job in flight waits for its release.
#include "qc/job_claims.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace gep::qc {
namespace {

TEST(JobClaims, DisjointClaimsDoNotWait) {
  JobClaims claims;
  const std::vector<int64_t> first{1, 2, 3};
  const std::vector<int64_t> second{4, 5};
  claims.claim(first);
  claims.claim(second);  // would block forever if claims were one lock
  claims.release(first);
  claims.release(second);
  claims.claim(first);  // released ids can be claimed again
  claims.release(first);
}

TEST(JobClaims, AnOverlappingClaimWaitsForTheRelease) {
  JobClaims claims;
  const std::vector<int64_t> held{1, 2};
  const std::vector<int64_t> wanted{2, 3};
  claims.claim(held);
  std::atomic<bool> released{false};
  std::atomic<bool> claimed_before_release{false};
  std::thread other([&] {
    claims.claim(wanted);
    if (!released.load()) claimed_before_release = true;
    claims.release(wanted);
  });
  released = true;
  claims.release(held);
  other.join();
  EXPECT_FALSE(claimed_before_release.load());
}

}  // namespace
}  // namespace gep::qc

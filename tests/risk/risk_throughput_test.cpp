// Prints risk evaluations per second (assess only, and full snapshots). No timing assertion.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>

#include "risk_test_support.h"

namespace gep::risk {
namespace {

using namespace testing;

std::vector<RiskJobInput> synthetic_jobs(int count) {
  const std::array<const char*, 7> statuses{"Lead",        "Sold",      "Permitting",   "Scheduled",
                                            "In Progress", "Completed", "Paid & Closed"};
  std::vector<RiskJobInput> jobs;
  jobs.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    RiskJobInput job = quiet_job(statuses[static_cast<size_t>(i) % statuses.size()]);
    job.job_id = "job-" + std::to_string(i);
    job.status_is_closed = job.status_name == "Paid & Closed";
    job.date_status_change = kNow - (i % 30) * kDay - (i % 24) * kHour;
    job.date_updated = kNow - (i % 20) * kDay;
    if (i % 3 == 0)
      job.latest_qc = LatestQc{qc::QcStatus::fail, {{qc::PhotoCategory::after, 3, 1, 2}}};
    job.files = {document("Signed contract.pdf"), document("IMG_1.jpg", "", "Photo", 2),
                 document(i % 2 == 0 ? "Building permit.pdf" : "notes.pdf")};
    jobs.push_back(std::move(job));
  }
  return jobs;
}

TEST(RiskThroughput, PrintsEvaluationsPerSecond) {
  const std::vector<RiskJobInput> jobs = synthetic_jobs(20'000);
  const RiskEngine engine = make_engine_in("America/Denver");
  const auto now = engine.at(from_unix_seconds(kNow));

  int high = 0;
  auto started = std::chrono::steady_clock::now();
  for (const RiskJobInput& job : jobs) high += engine.assess(job, now).level == RiskLevel::high;
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  std::printf("risk assess: %zu jobs in %.3f s = %.0f evaluations/s (%d HIGH)\n", jobs.size(),
              elapsed.count(), static_cast<double>(jobs.size()) / elapsed.count(), high);

  size_t reasons = 0;
  started = std::chrono::steady_clock::now();
  for (const RiskJobInput& job : jobs) reasons += engine.evaluate(job, now).reasons.size();
  elapsed = std::chrono::steady_clock::now() - started;
  std::printf("risk snapshot: %zu jobs in %.3f s = %.0f evaluations/s (%zu reasons)\n", jobs.size(),
              elapsed.count(), static_cast<double>(jobs.size()) / elapsed.count(), reasons);
  EXPECT_GT(high, 0);
}

}  // namespace
}  // namespace gep::risk

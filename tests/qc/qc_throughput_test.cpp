// Prints QC evaluations per second on synthetic jobs. No timing assertion: machines differ, and
// the real figure comes from bench/ in a release build; this catches an accidental slowdown by eye.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "qc/evaluation.h"

namespace gep::qc {
namespace {

std::vector<QcJobInput> synthetic_jobs(int count) {
  const std::array<const char*, 12> captions{"Before - north roof",
                                             "",
                                             "existing MSP",
                                             "IMG_1234 - after",
                                             "racking",
                                             "Progress day 2",
                                             "",
                                             "Final",
                                             "before & after",
                                             "wiring",
                                             "PTO",
                                             "afternoon crew"};
  const std::array<const char*, 5> statuses{"Sold", "Permitting", "In Progress", "Completed",
                                            "Lead"};
  std::vector<QcJobInput> jobs(static_cast<size_t>(count));
  for (int j = 0; j < count; ++j) {
    QcJobInput& job = jobs[static_cast<size_t>(j)];
    job.job_id = "job-" + std::to_string(j);
    job.record_type_name = "Residential";
    job.status_name = statuses[static_cast<size_t>(j) % statuses.size()];
    job.photos_synced = true;
    job.status_changes = {
        {"Sold", 1'700'000'000}, {"In Progress", 1'701'000'000}, {"Completed", 1'702'000'000}};
    for (size_t p = 0; p < captions.size(); ++p) {
      QcPhoto photo;
      photo.jnid = "ph" + std::to_string(p);
      photo.caption = captions[p];
      photo.filename = "IMG_" + std::to_string(4000 + p) + ".JPG";
      photo.date_file_created = 1'699'000'000 + static_cast<int64_t>(p) * 300'000;
      photo.md5 = "md5-" + std::to_string(p % 10);
      job.photos.push_back(std::move(photo));
    }
  }
  return jobs;
}

TEST(QcThroughput, PrintsEvaluationsPerSecond) {
  const std::vector<QcJobInput> jobs = synthetic_jobs(5'000);
  const QcEngine engine;
  const TimePoint now = from_unix_seconds(1'710'000'000);
  int failed = 0;
  const auto started = std::chrono::steady_clock::now();
  for (const QcJobInput& job : jobs) failed += engine.evaluate(job, now).status == QcStatus::fail;
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  const double per_second = static_cast<double>(jobs.size()) / elapsed.count();
  std::printf("QC: %zu jobs x 12 photos in %.3f s = %.0f evaluations/s (%d FAIL)\n", jobs.size(),
              elapsed.count(), per_second, failed);
  EXPECT_GT(failed, 0);
}

}  // namespace
}  // namespace gep::qc

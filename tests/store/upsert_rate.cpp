// Measures job upserts per second on SQLite and on PostgreSQL (GEP_TEST_DATABASE_URL):
// the batched path (1000-record pages, several hundred rows per statement, one transaction per
// page) against one autocommitted upsert per row, the spec's loop.
//   upsert_rate [batched_rows] [single_rows]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/test_database.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

constexpr size_t kPageSize = 1000;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void report(const std::string& backend, const std::string& what, size_t rows, double seconds) {
  std::printf("%-10s %-34s %7zu rows %7.2f s %9.0f rows/s\n", backend.c_str(), what.c_str(), rows,
              seconds, static_cast<double>(rows) / seconds);
}

// Upserts `jobs` page by page; answers the seconds taken, or a negative number on failure.
double upsert_pages(store::Database& db, const std::vector<domain::Job>& jobs) {
  const auto start = std::chrono::steady_clock::now();
  for (size_t offset = 0; offset < jobs.size(); offset += kPageSize) {
    const auto page = std::span<const domain::Job>(jobs).subspan(
        offset, std::min(kPageSize, jobs.size() - offset));
    const auto counts = db.jobs().upsert_batch(page);
    if (!counts) {
      std::fprintf(stderr, "upsert failed: %s\n", counts.error().message.c_str());
      return -1;
    }
  }
  return seconds_since(start);
}

int measure(Backend backend, size_t batched_rows, size_t single_rows) {
  const std::string label = backend_label(backend);
  auto test_database = TestDatabase::create(backend);
  if (!test_database) {
    std::fprintf(stderr, "%s: %s\n", label.c_str(), test_database.error().message.c_str());
    return 1;
  }
  auto db = (*test_database)->open(nullptr, 4);
  if (!db || !(*db)->migrate()) {
    std::fprintf(stderr, "%s: cannot open or migrate\n", label.c_str());
    return 1;
  }
  std::vector<domain::Job> jobs;
  for (size_t n = 1; n <= batched_rows; ++n) jobs.push_back(make_job(static_cast<int>(n)));

  report(label, "batched upsert, new rows", jobs.size(), upsert_pages(**db, jobs));
  for (auto& job : jobs) job.raw_json.insert(job.raw_json.size() - 1, R"(,"touched":true)");
  report(label, "batched upsert, changed rows", jobs.size(), upsert_pages(**db, jobs));
  report(label, "batched upsert, unchanged rows", jobs.size(), upsert_pages(**db, jobs));

  std::vector<domain::Job> singles;
  for (size_t n = 1; n <= single_rows; ++n)
    singles.push_back(make_job(static_cast<int>(batched_rows + n)));
  const auto start = std::chrono::steady_clock::now();
  for (const auto& job : singles) {
    if (!(*db)->jobs().upsert_batch(std::span<const domain::Job>(&job, 1))) return 1;
  }
  report(label, "one autocommitted upsert per row", singles.size(), seconds_since(start));
  return 0;
}

}  // namespace
}  // namespace gep::test

int main(int argc, char** argv) {
  const size_t batched = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
  const size_t single = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
  int failed = gep::test::measure(gep::test::Backend::sqlite, batched, single);
  if (gep::test::postgres_test_url()) {
    failed |= gep::test::measure(gep::test::Backend::postgres, batched, single);
  } else {
    std::printf("PostgreSQL skipped: GEP_TEST_DATABASE_URL is not set\n");
  }
  return failed;
}

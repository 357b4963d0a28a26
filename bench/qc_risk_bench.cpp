// QC and risk evaluate-all over a large mirror, against the equivalent single aggregate SQL query
// on the same store in the same run (issue 5's target: evaluate-all within 3x that query).
//
//   qc_risk_bench [jobs=100000] [photos_per_job=8] [documents_per_job=2]
// SQLite in a temp directory; PostgreSQL too when GEP_BENCH_DATABASE_URL is set (an empty
// database: the bench migrates it and leaves its rows behind). GEP_BENCH_SKIP_SQLITE=1 measures
// PostgreSQL alone.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/clock.h"
#include "core/logging.h"
#include "qc/qc_service.h"
#include "risk/risk_service.h"
#include "store/database.h"

namespace {

using gep::domain::File;
using gep::domain::FileKind;
using gep::domain::Job;
using Seconds = std::chrono::duration<double>;

constexpr int64_t kNow = 1'718'452'800;  // 2024-06-15T12:00:00Z
constexpr int64_t kDay = 86'400;

// Statuses over the whole ladder, and the captions crews type (a third say nothing).
const char* const kStatuses[] = {"Lead",      "Estimate Sent", "Sold",      "Permitting",
                                 "Scheduled", "In Progress",   "Completed", "Invoiced",
                                 "Lost",      "Paid & Closed"};
const char* const kCaptions[] = {"pre-install roof",
                                 "Existing roof - north",
                                 "site survey",
                                 "racking",
                                 "wiring progress",
                                 "install day",
                                 "final",
                                 "inspection passed",
                                 "IMG_1234 - after",
                                 "",
                                 "",
                                 "DSC0001"};
const char* const kDocuments[] = {"Signed Contract.pdf", "Permit - approved.pdf",
                                  "Utility interconnection approval.pdf", "Estimate.pdf"};

Job make_job(int n) {
  Job job;
  job.jnid = "j" + std::to_string(n);
  job.number = std::to_string(10'000 + n);
  job.name = "Solar install " + std::to_string(n);
  job.display_name = "Customer " + std::to_string(n);
  job.customer_name = job.display_name;
  job.status_name = kStatuses[n % 10];
  job.record_type_name = "Residential Solar";
  job.date_status_change = kNow - (n % 30) * kDay;
  job.jn_date_created = kNow - 90 * kDay;
  job.jn_date_updated = kNow - (n % 20) * kDay;
  job.raw_json = R"({"jnid":")" + job.jnid + R"(","status_name":")" + job.status_name + "\"}";
  return job;
}

File make_file(int job, int index, bool photo) {
  File file;
  file.jnid = "f" + std::to_string(job) + "_" + std::to_string(index);
  file.job_jnid = "j" + std::to_string(job);
  file.kind = photo ? FileKind::photo : FileKind::document;
  file.record_type_id = photo ? 2 : 1;
  file.record_type_name = photo ? "Photo" : "Document";
  file.caption = photo ? kCaptions[(job + index) % 12] : "";
  file.filename = photo ? "IMG_" + std::to_string(index) + ".jpg" : kDocuments[(job + index) % 4];
  file.md5 = "md5-" + file.jnid;
  file.date_file_created = kNow - (60 - index) * kDay;
  file.jn_date_created = file.date_file_created + 60;
  file.jn_date_updated = file.jn_date_created;
  file.raw_json = R"({"jnid":")" + file.jnid + "\"}";
  return file;
}

// Wall and CPU seconds: the machine may be shared, and CPU time (this process, all threads; the
// SQLite engine runs in-process) is the steadier comparison there. PostgreSQL's server work is
// outside this process, so its CPU figures only cover the client side.
struct Timing {
  double wall = 0;
  double cpu = 0;
};

double cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

template <class Work>
Timing timed(Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  work();
  return {Seconds(std::chrono::steady_clock::now() - start).count(), cpu_seconds() - cpu_start};
}

bool fill(gep::store::Database& db, int jobs, int photos, int documents) {
  constexpr int kChunk = 2'000;
  for (int first = 1; first <= jobs; first += kChunk) {
    const int last = std::min(jobs, first + kChunk - 1);
    std::vector<Job> job_rows;
    std::vector<File> file_rows;
    std::vector<std::string> jnids;
    for (int n = first; n <= last; ++n) {
      job_rows.push_back(make_job(n));
      jnids.push_back(job_rows.back().jnid);
      for (int i = 0; i < photos; ++i) file_rows.push_back(make_file(n, i, true));
      for (int i = 0; i < documents; ++i) file_rows.push_back(make_file(n, photos + i, false));
    }
    const auto stored = db.in_transaction([&](gep::domain::Repositories& unit) -> gep::Status {
      if (auto counts = unit.jobs().upsert_batch(job_rows); !counts)
        return gep::fail(counts.error());
      if (auto counts = unit.files().upsert_batch(file_rows); !counts)
        return gep::fail(counts.error());
      return unit.jobs().mark_files_synced(jnids, kNow - kDay);
    });
    if (!stored) {
      std::fprintf(stderr, "fill failed: %s\n", stored.error().message.c_str());
      return false;
    }
  }
  return true;
}

// The single SQL query that does the same counting work: photos per job per category (by caption
// keywords) plus the job's latest status, every row read back.
constexpr const char* kCategoryQuery =
    "SELECT j.id, j.status_name, j.date_status_change, "
    "SUM(CASE WHEN lower(f.caption) LIKE '%pre%' OR lower(f.caption) LIKE '%existing%' OR "
    "lower(f.caption) LIKE '%survey%' OR lower(f.caption) LIKE '%before%' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN lower(f.caption) LIKE '%racking%' OR lower(f.caption) LIKE '%progress%' OR "
    "lower(f.caption) LIKE '%install day%' OR lower(f.caption) LIKE '%wiring%' THEN 1 ELSE 0 "
    "END), "
    "SUM(CASE WHEN lower(f.caption) LIKE '%final%' OR lower(f.caption) LIKE '%after%' OR "
    "lower(f.caption) LIKE '%passed%' OR lower(f.caption) LIKE '%complete%' THEN 1 ELSE 0 END), "
    "COUNT(f.id) FROM jobs j LEFT JOIN files f ON f.job_jnid = j.jnid AND f.kind = 'photo' AND "
    "f.deleted_at IS NULL WHERE j.deleted_at IS NULL GROUP BY j.id, j.status_name, "
    "j.date_status_change";
// The cheapest form of it: photos per job and the status, no categories.
constexpr const char* kCountQuery =
    "SELECT j.id, j.status_name, COUNT(f.id) FROM jobs j LEFT JOIN files f ON f.job_jnid = "
    "j.jnid AND f.kind = 'photo' AND f.deleted_at IS NULL WHERE j.deleted_at IS NULL GROUP BY "
    "j.id, j.status_name";

Timing aggregate_query(gep::store::Database& db, const char* sql, int64_t& rows_read) {
  return timed([&] {
    auto lease = db.pool().acquire();
    if (!lease) return;
    const auto rows = (*lease)->query(sql);
    rows_read = rows ? static_cast<int64_t>(rows->size()) : -1;
  });
}

struct Baseline {
  Timing category;  // kCategoryQuery
  Timing count;     // kCountQuery
};

void report(const char* what, const Timing& took, int64_t jobs, const Baseline& query) {
  std::printf(
      "  %-34s wall %7.2f s (%7.0f jobs/s, %4.2fx category query, %4.2fx count query)\n"
      "  %-34s cpu  %7.2f s (%7.0f jobs/s, %4.2fx category query, %4.2fx count query)\n",
      what, took.wall, static_cast<double>(jobs) / took.wall, took.wall / query.category.wall,
      took.wall / query.count.wall, "", took.cpu, static_cast<double>(jobs) / took.cpu,
      took.cpu / query.category.cpu, took.cpu / query.count.cpu);
}

Baseline measure_queries(gep::store::Database& db) {
  Baseline baseline;
  int64_t rows = 0;
  baseline.category = aggregate_query(db, kCategoryQuery, rows);
  std::printf("  aggregate query, categories (%lld rows) wall %6.3f s, cpu %6.3f s\n",
              static_cast<long long>(rows), baseline.category.wall, baseline.category.cpu);
  baseline.count = aggregate_query(db, kCountQuery, rows);
  std::printf("  aggregate query, count only (%lld rows) wall %6.3f s, cpu %6.3f s\n",
              static_cast<long long>(rows), baseline.count.wall, baseline.count.cpu);
  return baseline;
}

int run(const char* backend, gep::store::DatabaseOptions options, int jobs, int photos,
        int documents) {
  gep::ManualClock clock(gep::TimePoint{std::chrono::seconds{kNow}});
  options.clock = &clock;
  auto opened = gep::store::open_database(options);
  if (!opened) return std::fprintf(stderr, "%s: %s\n", backend, opened.error().message.c_str()), 1;
  auto& db = **opened;
  if (auto migrated = db.migrate(); !migrated) {
    return std::fprintf(stderr, "%s: %s\n", backend, migrated.error().message.c_str()), 1;
  }
  std::printf("[ %s: %d jobs, %d photos + %d documents each ]\n", backend, jobs, photos, documents);
  const Timing filled = timed([&] { (void)fill(db, jobs, photos, documents); });
  std::printf("  fill                               wall %7.2f s\n", filled.wall);
  const Baseline query = measure_queries(db);

  gep::qc::QcService qc(db, clock, gep::qc::QcEngine{}, nullptr);
  auto engine = gep::risk::RiskEngine::create(gep::risk::RiskConfig{});
  if (!engine) return 1;
  gep::risk::RiskService risk(db, clock, std::move(engine).value());

  gep::qc::QcRunReport qc_first;
  report("QC evaluate-all (first: inserts)", timed([&] { qc_first = qc.evaluate_all(); }), jobs,
         query);
  clock.advance(std::chrono::hours(24));
  gep::qc::QcRunReport qc_again;
  report("QC evaluate-all (unchanged)", timed([&] { qc_again = qc.evaluate_all(); }), jobs, query);
  gep::risk::RiskRunReport risk_first;
  report("risk evaluate-all (first: inserts)", timed([&] { risk_first = risk.evaluate_all(); }),
         jobs, query);
  clock.advance(std::chrono::hours(24));
  gep::risk::RiskRunReport risk_again;
  report("risk evaluate-all (a day later)", timed([&] { risk_again = risk.evaluate_all(); }), jobs,
         query);
  std::printf("  the queries again (warm, after the writes):\n");
  (void)measure_queries(db);
  std::printf(
      "  QC: %lld ok, %lld failed; risk: %lld ok (%lld HIGH, %lld MEDIUM, %lld LOW), "
      "%lld failed, %lld changed a day later\n",
      static_cast<long long>(qc_first.succeeded), static_cast<long long>(qc_first.failed),
      static_cast<long long>(risk_first.evaluated), static_cast<long long>(risk_first.high),
      static_cast<long long>(risk_first.medium), static_cast<long long>(risk_first.low),
      static_cast<long long>(risk_first.failed), static_cast<long long>(risk_again.changed));
  return qc_first.failed + qc_again.failed + risk_first.failed + risk_again.failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int jobs = argc > 1 ? std::atoi(argv[1]) : 100'000;
  const int photos = argc > 2 ? std::atoi(argv[2]) : 8;
  const int documents = argc > 3 ? std::atoi(argv[3]) : 2;
  gep::log::init("warn", gep::LogFormat::text);
  const auto directory =
      std::filesystem::temp_directory_path() / ("gep-qc-risk-bench-" + std::to_string(::getpid()));
  gep::store::DatabaseOptions sqlite;
  sqlite.kind = gep::DatabaseKind::sqlite;
  sqlite.sqlite_path = (directory / "bench.db").string();
  const char* skip_sqlite = std::getenv("GEP_BENCH_SKIP_SQLITE");
  int status = skip_sqlite != nullptr && *skip_sqlite == '1'
                   ? 0
                   : run("SQLite", sqlite, jobs, photos, documents);
  std::filesystem::remove_all(directory);
  if (const char* url = std::getenv("GEP_BENCH_DATABASE_URL"); url != nullptr && *url != '\0') {
    gep::store::DatabaseOptions postgres;
    postgres.kind = gep::DatabaseKind::postgres;
    postgres.postgres_url = url;
    status |= run("PostgreSQL", postgres, jobs, photos, documents);
  }
  return status;
}

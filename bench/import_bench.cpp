// Full-import rows/s from the sandbox, beside the raw batched-upsert rate and the one-autocommit-
// per-row rate (the guide's loop) of the same store, measured in one run so the ratios hold on a
// noisy machine. The raw rate is taken twice, one page (1000 rows) per transaction and grouped as
// the import commits, and the import is held to the faster. Each trial measures all of them in
// turn; the medians of the trials are the figures (load on a shared machine comes and goes).
// Usage: import_bench JOBS [DATABASE_URL] [TRIALS]   (defaults: a temp SQLite file, 3 trials)
// GEP_BENCH_STRING_MODE=honour|ignore|reject runs the sandbox with --string-ranges and
// --string-sort set to it (default honour).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/jobnimbus_gateway_adapter.h"
#include "jobnimbus/client.h"
#include "sandbox/sandbox_server.h"
#include "store/database.h"
#include "sync/pull_engine.h"

namespace {

using gep::Config;
using Seconds = std::chrono::duration<double>;

std::unique_ptr<gep::store::Database> open_fresh(const std::string& url, const std::string& tag) {
  gep::EnvMap environment{{"DATABASE_URL", url}};
  // Measured with the store's settings as configured (SQLITE_CACHE_MB), not only the defaults.
  if (const char* cache = std::getenv("SQLITE_CACHE_MB")) environment["SQLITE_CACHE_MB"] = cache;
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7) + "." + tag;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    environment["DATABASE_URL"] = "sqlite:" + path;
  }
  auto database = gep::store::open_database(Config::load(environment));
  if (!database || !(*database)->migrate()) {
    std::fprintf(stderr, "cannot open %s\n", tag.c_str());
    std::exit(1);
  }
  if (url.rfind("postgres", 0) == 0) {
    // One PostgreSQL database serves all three measurements in turn: start each from empty.
    auto lease = (*database)->pool().acquire();
    if (lease)
      (void)(*lease)->execute(
          "TRUNCATE jobs, contacts, files, job_contacts, sync_state, sync_logs CASCADE");
  }
  return std::move(database.value());
}

template <class Work>
double timed(Work work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return Seconds(std::chrono::steady_clock::now() - start).count();
}

// Upserts `rows` into a fresh store, `per_transaction` rows per transaction; answers rows/s.
double raw_batched_rate(const std::string& url, const std::string& tag,
                        std::span<const gep::domain::Job> rows, size_t per_transaction) {
  auto raw = open_fresh(url, tag);
  const double seconds = timed([&] {
    for (size_t start = 0; start < rows.size(); start += per_transaction) {
      const auto batch = rows.subspan(start, std::min(per_transaction, rows.size() - start));
      const auto stored =
          raw->in_transaction([&](gep::domain::Repositories& repositories) -> gep::Status {
            // The import's statements hold at most one page each.
            for (size_t page = 0; page < batch.size(); page += 1000) {
              const auto counts = repositories.jobs().upsert_batch(
                  batch.subspan(page, std::min<size_t>(1000, batch.size() - page)));
              if (!counts) return gep::fail(counts.error());
            }
            return {};
          });
      if (!stored) {
        std::fprintf(stderr, "raw upsert failed: %s\n", stored.error().message.c_str());
        std::exit(1);
      }
    }
  });
  return static_cast<double>(rows.size()) / seconds;
}

struct Trial {
  double import_all = 0;   // rows/s of the whole import (jobs, contacts, files)
  double import_jobs = 0;  // rows/s of its jobs phase
  double raw_page = 0;     // raw batched upsert of the same job rows, 1000 per transaction
  double raw_grouped = 0;  // the same, grouped as the import commits
  double single = 0;       // one autocommitted upsert per row (the guide's loop)
  std::string phases;

  double jobs_to_raw() const { return import_jobs / std::max(raw_page, raw_grouped); }
  double all_to_single() const { return import_all / single; }
};

double middle(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}
double median(const std::vector<Trial>& trials, double Trial::*field) {
  std::vector<double> values;
  for (const auto& trial : trials) values.push_back(trial.*field);
  return middle(std::move(values));
}
double median_of(const std::vector<Trial>& trials, double (Trial::*ratio)() const) {
  std::vector<double> values;
  for (const auto& trial : trials) values.push_back((trial.*ratio)());
  return middle(std::move(values));
}

// One import into a fresh store, as `gep seed` does it, then the references on the same rows.
Trial run_trial(const std::string& url, gep::sync::JobNimbusGateway& gateway, gep::Clock& clock,
                const gep::sync::PullOptions& options, int64_t jobs) {
  Trial trial;
  auto store = open_fresh(url, "import");
  gep::sync::PullEngine engine(gateway, *store, clock);
  int64_t imported = 0;
  int64_t imported_jobs = 0;
  double jobs_seconds = 0;
  const double import_seconds = timed([&] {
    for (const auto entity : {gep::sync::PullEntity::jobs, gep::sync::PullEntity::contacts,
                              gep::sync::PullEntity::files}) {
      const auto started = std::chrono::steady_clock::now();
      const auto report = engine.pull(entity, options);
      const double seconds = Seconds(std::chrono::steady_clock::now() - started).count();
      imported += report.created;
      trial.phases += std::string(trial.phases.empty() ? "" : ", ") +
                      std::string(to_string(entity)) + " " + std::to_string(report.created) +
                      " in " + std::to_string(seconds).substr(0, 4) + " s";
      if (entity == gep::sync::PullEntity::jobs) {
        imported_jobs = report.created;
        jobs_seconds = seconds;
      }
    }
  });
  if (imported_jobs != jobs) {
    std::fprintf(stderr, "the import stored %lld of %lld jobs: see the log above\n",
                 static_cast<long long>(imported_jobs), static_cast<long long>(jobs));
    std::exit(1);
  }
  trial.import_all = static_cast<double>(imported) / import_seconds;
  trial.import_jobs = static_cast<double>(imported_jobs) / jobs_seconds;

  std::vector<std::string> jnids = *store->jobs().list_jnids(gep::domain::Presence::all);
  std::vector<gep::domain::Job> rows = *store->jobs().find_by_jnids(jnids);
  for (auto& row : rows) row.id = 0;
  trial.raw_page = raw_batched_rate(url, "raw", rows, 1000);
  trial.raw_grouped =
      raw_batched_rate(url, "raw-grouped", rows, options.pages_per_transaction * 1000);

  auto single = open_fresh(url, "single");
  const size_t sample = std::min<size_t>(rows.size(), 2000);
  const double single_seconds = timed([&] {
    for (size_t i = 0; i < sample; ++i) {
      if (const auto counts = single->jobs().upsert_batch(std::span(rows).subspan(i, 1)); !counts) {
        std::fprintf(stderr, "single upsert failed: %s\n", counts.error().message.c_str());
        std::exit(1);
      }
    }
  });
  trial.single = static_cast<double>(sample) / single_seconds;
  return trial;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t jobs = argc > 1 ? std::atoll(argv[1]) : 25'000;
  const int trials = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  const std::string url =
      argc > 2
          ? argv[2]
          : "sqlite:" + (std::filesystem::temp_directory_path() / "gep-import-bench.db").string();

  gep::sandbox::SandboxOptions sandbox_options;
  sandbox_options.jobs = jobs;
  const char* mode_text = std::getenv("GEP_BENCH_STRING_MODE");
  const auto mode = gep::sandbox::parse_string_behaviour(mode_text ? mode_text : "honour",
                                                         "GEP_BENCH_STRING_MODE");
  if (!mode) {
    std::fprintf(stderr, "import_bench: %s\n", mode.error().message.c_str());
    return 2;
  }
  sandbox_options.string_ranges = *mode;
  sandbox_options.string_sort = *mode;
  gep::sandbox::SandboxServer sandbox(sandbox_options);
  if (!sandbox.start()) return 1;

  gep::jobnimbus::ClientOptions client_options;
  client_options.base_url = sandbox.base_url();
  client_options.api_key = sandbox.api_key();
  client_options.max_rps = 100'000;
  auto client = gep::jobnimbus::JobNimbusClient::create(client_options);
  if (!client) return 1;
  gep::app::JobNimbusGatewayAdapter gateway(**client);
  gep::SystemClock clock;

  gep::sync::PullOptions options;
  options.mode = gep::sync::PullMode::full;
  const gep::Config settings = Config::load({{"DATABASE_URL", url}});
  std::printf(
      "store: %s%s, %lld jobs (sandbox generated in %.1fs, string ranges and sort: %s), "
      "%d trials\n",
      settings.database_kind == gep::DatabaseKind::sqlite ? "sqlite" : "postgres",
      settings.database_kind == gep::DatabaseKind::sqlite
          ? (" (synchronous=FULL, cache " +
             std::string(std::getenv("SQLITE_CACHE_MB") ? std::getenv("SQLITE_CACHE_MB")
                                                        : "default") +
             " MiB)")
                .c_str()
          : "",
      static_cast<long long>(jobs), sandbox.generation_seconds(),
      std::string(gep::sandbox::to_string(*mode)).c_str(), trials);
  std::printf(
      "rows/s per trial: import(all) import(jobs) raw(1000/tx) raw(%zu/tx) one-per-row"
      " | import(jobs)/raw  import(all)/one-per-row\n",
      options.pages_per_transaction * 1000);
  std::vector<Trial> results;
  for (int trial = 1; trial <= trials; ++trial) {
    const uint64_t requests_before = (*client)->requests_sent();
    const Trial result = run_trial(url, gateway, clock, options, jobs);
    std::printf("trial %d: %8.0f %8.0f %8.0f %8.0f %8.0f | %.2f  %.1fx   (%llu requests; %s)\n",
                trial, result.import_all, result.import_jobs, result.raw_page, result.raw_grouped,
                result.single, result.jobs_to_raw(), result.all_to_single(),
                static_cast<unsigned long long>((*client)->requests_sent() - requests_before),
                result.phases.c_str());
    results.push_back(result);
  }
  std::printf(
      "median rows/s: import(all) %.0f, import(jobs) %.0f, raw batched %.0f (1000/tx) and "
      "%.0f (grouped), one autocommitted upsert per row %.0f\n",
      median(results, &Trial::import_all), median(results, &Trial::import_jobs),
      median(results, &Trial::raw_page), median(results, &Trial::raw_grouped),
      median(results, &Trial::single));
  std::printf("median ratio import(jobs)/raw batched (the faster raw): %.2f (target >= 0.5)\n",
              median_of(results, &Trial::jobs_to_raw));
  std::printf("median ratio import(all)/one-per-row: %.1fx (target >= 10x)\n",
              median_of(results, &Trial::all_to_single));
  sandbox.stop();
  return 0;
}

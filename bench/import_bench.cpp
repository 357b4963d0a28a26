// Full-import rows/s from the sandbox, beside the raw batched-upsert rate and the one-autocommit-
// per-row rate (the guide's loop) of the same store, measured in one run so the ratios hold on a
// noisy machine. The raw rate is taken twice, one page (1000 rows) per transaction and grouped as
// the import commits, and the import is held to the faster.
// Usage: import_bench JOBS [DATABASE_URL]   (default: a temp SQLite file)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

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

}  // namespace

int main(int argc, char** argv) {
  const int64_t jobs = argc > 1 ? std::atoll(argv[1]) : 25'000;
  const std::string url =
      argc > 2
          ? argv[2]
          : "sqlite:" + (std::filesystem::temp_directory_path() / "gep-import-bench.db").string();

  gep::sandbox::SandboxOptions sandbox_options;
  sandbox_options.jobs = jobs;
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

  // 1. The import, as `gep seed` does it.
  auto store = open_fresh(url, "import");
  gep::sync::PullEngine engine(gateway, *store, clock);
  gep::sync::PullOptions options;
  options.mode = gep::sync::PullMode::full;
  int64_t imported = 0;
  int64_t imported_jobs = 0;
  double jobs_seconds = 0;
  std::string phases;
  const double import_seconds = timed([&] {
    for (const auto entity : {gep::sync::PullEntity::jobs, gep::sync::PullEntity::contacts,
                              gep::sync::PullEntity::files}) {
      const auto started = std::chrono::steady_clock::now();
      const auto report = engine.pull(entity, options);
      imported += report.created;
      phases += std::string(phases.empty() ? "" : ", ") + std::string(to_string(entity)) + " " +
                std::to_string(report.created) + " in " +
                std::to_string(Seconds(std::chrono::steady_clock::now() - started).count()) + " s";
      if (entity == gep::sync::PullEntity::jobs) {
        imported_jobs = report.created;
        jobs_seconds = Seconds(std::chrono::steady_clock::now() - started).count();
      }
    }
  });

  if (imported_jobs != jobs) {
    std::fprintf(stderr, "the import stored %lld of %lld jobs: see the log above\n",
                 static_cast<long long>(imported_jobs), static_cast<long long>(jobs));
    return 1;
  }

  // 2. The same job rows, upserted straight into a fresh store.
  std::vector<std::string> jnids = *store->jobs().list_jnids(gep::domain::Presence::all);
  std::vector<gep::domain::Job> rows = *store->jobs().find_by_jnids(jnids);
  for (auto& row : rows) row.id = 0;
  const double raw_page_rate = raw_batched_rate(url, "raw", rows, 1000);
  const double raw_grouped_rate =
      raw_batched_rate(url, "raw-grouped", rows, options.pages_per_transaction * 1000);

  // 3. The guide's loop: one autocommitted upsert per row, on a sample.
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

  const double import_rate = static_cast<double>(imported) / import_seconds;
  const double import_jobs_rate = static_cast<double>(imported_jobs) / jobs_seconds;
  const double raw_rate = std::max(raw_page_rate, raw_grouped_rate);
  const double single_rate = static_cast<double>(sample) / single_seconds;
  const gep::Config settings = Config::load({{"DATABASE_URL", url}});
  std::printf("store: %s%s, %lld jobs (sandbox generated in %.1fs), %llu JobNimbus requests\n",
              store->backend_name().c_str(),
              settings.database_kind == gep::DatabaseKind::sqlite
                  ? (" (synchronous=FULL, cache " +
                     std::string(std::getenv("SQLITE_CACHE_MB") ? std::getenv("SQLITE_CACHE_MB")
                                                                : "default") +
                     " MiB)")
                        .c_str()
                  : "",
              static_cast<long long>(jobs), sandbox.generation_seconds(),
              static_cast<unsigned long long>((*client)->requests_sent()));
  std::printf("phases: %s\n", phases.c_str());
  std::printf("%-48s %12s\n", "measure", "rows/s");
  std::printf("%-48s %12.0f\n", "full import, all entities (sandbox -> store)", import_rate);
  std::printf("%-48s %12.0f\n", "full import, jobs phase", import_jobs_rate);
  std::printf("%-48s %12.0f\n", "raw batched upsert, 1000 rows per transaction", raw_page_rate);
  std::printf("%-48s %12.0f\n",
              ("raw batched upsert, " + std::to_string(options.pages_per_transaction * 1000) +
               " rows per transaction")
                  .c_str(),
              raw_grouped_rate);
  std::printf("%-48s %12.0f\n", "one autocommitted upsert per row", single_rate);
  std::printf("ratio import(jobs)/raw batched (the faster): %.2f (target >= 0.5)\n",
              import_jobs_rate / raw_rate);
  std::printf("ratio import(all)/one-per-row:  %.1fx (target >= 10x)\n", import_rate / single_rate);
  std::printf("ratio import(jobs)/one-per-row: %.1fx (job rows only, for comparison)\n",
              import_jobs_rate / single_rate);
  sandbox.stop();
  return 0;
}

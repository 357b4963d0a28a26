#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

#include "app/commands/commands.h"
#include "app/evaluation_wiring.h"
#include "app/progress_display.h"
#include "app/sync_wiring.h"
#include "core/logging.h"

namespace gep::app {
namespace {

// The guide's `pnpm seed:jobnimbus`: the initial import of jobs, contacts and files. It is a full
// pull that resumes where an interrupted seed stopped (the cursor is stored with every page).
int seed() {
  const Config config = Config::load_from_process();
  log::init(config.log_level, config.log_format);
  auto components = build_sync_components(config);
  if (!components) {
    std::fprintf(stderr, "seed: %s\n", components.error().message.c_str());
    return 1;
  }
  ProgressDisplay display(::isatty(STDERR_FILENO) == 1);
  sync::PullOptions options;
  options.mode = sync::PullMode::full;
  options.resume_full = true;
  options.trigger = "seed";
  options.on_progress = [&display](const sync::PullProgress& progress) {
    display.update(progress);
  };
  bool all_succeeded = true;
  int64_t stored = 0;
  for (const auto entity :
       {sync::PullEntity::jobs, sync::PullEntity::contacts, sync::PullEntity::files}) {
    const auto report = (*components)->pull->pull(entity, options);
    display.finish(report);
    stored += report.created + report.updated + report.unchanged;
    all_succeeded = all_succeeded && report.status == domain::SyncStatus::success;
  }
  // The imported jobs get their first QC and risk results now, not at the first scheduled run.
  // (A first result queues no JobNimbus note: only changes do.)
  if (auto evaluations =
          Evaluations::create(config, *(*components)->database, (*components)->clock)) {
    (*evaluations)->evaluate_all_if_new_day((*components)->clock.now());
  } else {
    std::fprintf(stderr, "QC/risk evaluation skipped: %s\n", evaluations.error().message.c_str());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::fprintf(
      stderr,
      "seed: %s; %lld records in the mirror, %llu JobNimbus requests, peak memory %ld MiB%s\n",
      all_succeeded ? "done" : "finished with errors", static_cast<long long>(stored),
      static_cast<unsigned long long>((*components)->client->requests_sent()),
      usage.ru_maxrss / 1024,
      all_succeeded ? "" : " (run gep seed again to resume; see gep sync logs)");
  return all_succeeded ? 0 : 1;
}

}  // namespace

void add_seed_command(CLI::App& root, CommandRunner& run) {
  root.add_subcommand(
          "seed",
          "Initial import of every JobNimbus job, contact and file into the mirror, with "
          "progress; resumes an interrupted import.")
      ->callback([&run] { run = seed; });
}

}  // namespace gep::app

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

#include "app/commands/commands.h"
#include "app/config_check.h"
#include "app/initial_import.h"
#include "app/sync_wiring.h"
#include "core/logging.h"

namespace gep::app {
namespace {

// The guide's `pnpm seed:jobnimbus`: the initial import of jobs, contacts and files. It is a full
// pull that resumes where an interrupted seed stopped (the cursor is stored with every page).
int seed() {
  const Config config = load_checked_config();
  log::init(config.log_level, config.log_format);
  auto components = build_sync_components(config);
  if (!components) {
    std::fprintf(stderr, "seed: %s\n", components.error().message.c_str());
    return 1;
  }
  const ImportSummary summary = import_everything(**components, config, "seed");
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::fprintf(
      stderr,
      "seed: %s; %lld records in the mirror, %llu JobNimbus requests, peak memory %ld MiB%s\n",
      summary.all_succeeded ? "done" : "finished with errors",
      static_cast<long long>(summary.stored),
      static_cast<unsigned long long>((*components)->client->requests_sent()),
      usage.ru_maxrss / 1024,
      summary.all_succeeded ? "" : " (run gep seed again to resume; see gep sync logs)");
  return summary.all_succeeded ? 0 : 1;
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

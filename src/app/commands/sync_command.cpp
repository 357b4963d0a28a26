#include <cstdio>
#include <iostream>
#include <memory>

#include "app/commands/commands.h"
#include "app/config_check.h"
#include "app/pull_report_json.h"
#include "app/sync_wiring.h"
#include "core/logging.h"

namespace gep::app {
namespace {

struct SyncArguments {
  std::string what = "all";
  bool full = false;
  bool no_reconcile = false;
};

int run_sync(const SyncArguments& arguments) {
  const Config config = load_checked_config();
  log::init(config.log_level, config.log_format);
  std::vector<sync::PullEntity> entities;
  if (arguments.what == "all") {
    entities.assign(sync::kPullOrder.begin(), sync::kPullOrder.end());
  } else if (const auto entity = parse_pull_entity(arguments.what)) {
    entities = {*entity};
  } else {
    std::fprintf(stderr, "sync: unknown entity '%s' (jobs, contacts, files or all)\n",
                 arguments.what.c_str());
    return 2;
  }
  auto components = build_sync_components(config);
  if (!components) {
    std::fprintf(stderr, "sync: %s\n", components.error().message.c_str());
    return 1;
  }
  sync::PullOptions options;
  options.mode = arguments.full ? sync::PullMode::full : sync::PullMode::incremental;
  options.resume_full = false;  // an operator's --full is a fresh, complete pass
  options.reconcile_deletes = !arguments.no_reconcile;
  options.trigger = "cli";
  nlohmann::json results = nlohmann::json::array();
  bool all_succeeded = true;
  for (const auto entity : entities) {
    const auto report = (*components)->pull->pull(entity, options);
    all_succeeded = all_succeeded && report.status == domain::SyncStatus::success;
    results.push_back(to_json(report));
  }
  std::cout << results.dump(2) << "\n";
  return all_succeeded ? 0 : 1;
}

}  // namespace

void add_sync_command(CLI::App& root, CommandRunner& run) {
  auto arguments = std::make_shared<SyncArguments>();
  auto* command = root.add_subcommand(
      "sync",
      "Pull from JobNimbus into the mirror now (incremental unless --full); prints a JSON "
      "summary per entity; exit 1 unless every entity succeeded.");
  command->add_option("what", arguments->what, "jobs, contacts, files or all")
      ->check(CLI::IsMember({"jobs", "contacts", "files", "all"}));
  command->add_flag("--full", arguments->full,
                    "List everything from the start instead of from the saved cursor");
  command->add_flag("--no-reconcile", arguments->no_reconcile,
                    "Skip the id listing that detects records deleted in JobNimbus and fetches "
                    "those the mirror lacks");
  command->callback([&run, arguments] { run = [arguments] { return run_sync(*arguments); }; });
}

}  // namespace gep::app

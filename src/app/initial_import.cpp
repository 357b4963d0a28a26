#include "app/initial_import.h"

#include <unistd.h>

#include <cstdio>

#include "app/evaluation_wiring.h"
#include "app/progress_display.h"

namespace gep::app {

ImportSummary import_everything(SyncComponents& components, const Config& config,
                                const std::string& trigger) {
  ProgressDisplay display(::isatty(STDERR_FILENO) == 1);
  sync::PullOptions options;
  options.mode = sync::PullMode::full;
  options.resume_full = true;
  options.trigger = trigger;
  options.on_progress = [&display](const sync::PullProgress& progress) {
    display.update(progress);
  };
  ImportSummary summary;
  for (const auto entity : sync::kPullOrder) {
    display.start(entity);
    const auto report = components.pull->pull(entity, options);
    display.finish(report);
    summary.stored += report.created + report.updated + report.unchanged;
    summary.all_succeeded = summary.all_succeeded && report.status == domain::SyncStatus::success;
  }
  if (auto evaluations = Evaluations::create(config, *components.database, components.clock)) {
    (*evaluations)->evaluate_all_if_new_day(components.clock.now());
  } else {
    std::fprintf(stderr, "QC/risk evaluation skipped: %s\n", evaluations.error().message.c_str());
  }
  return summary;
}

}  // namespace gep::app

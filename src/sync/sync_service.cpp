#include "sync/sync_service.h"

namespace gep::sync {

SyncService::SyncService(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
                         SyncSettings settings)
    : gateway_(gateway),
      store_(store),
      clock_(clock),
      settings_(settings),
      engine_(gateway, store, clock) {}

PullOptions SyncService::options_for(PullMode mode, const std::string& trigger) const {
  PullOptions options;
  options.mode = mode;
  options.lookback_seconds = settings_.lookback_seconds;
  options.reconcile_deletes = settings_.reconcile_deletes || mode == PullMode::full;
  options.resume_full = false;
  options.trigger = trigger;
  return options;
}

std::optional<PullReport> SyncService::pull(PullEntity entity, PullMode mode,
                                            const std::string& trigger) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  return engine_.pull(entity, options_for(mode, trigger));
}

std::optional<std::vector<PullReport>> SyncService::pull_all(PullMode mode,
                                                             const std::string& trigger) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  std::vector<PullReport> reports;
  for (const auto entity : {PullEntity::jobs, PullEntity::contacts, PullEntity::files}) {
    reports.push_back(engine_.pull(entity, options_for(mode, trigger)));
  }
  return reports;
}

std::optional<JobFilesReport> SyncService::sync_files_of(
    const std::vector<std::string>& job_jnids) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  return sync_job_files(gateway_, store_, clock_, job_jnids);
}

}  // namespace gep::sync

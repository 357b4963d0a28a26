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
  options.conflict_policy = settings_.conflict_policy;
  return options;
}

std::optional<PullReport> SyncService::pull(PullEntity entity, PullMode mode,
                                            const std::string& trigger) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  const int64_t started_at = to_unix_seconds(clock_.now());
  PullReport report = engine_.pull(entity, options_for(mode, trigger));
  if (after_run_) after_run_(started_at);
  return report;
}

std::optional<std::vector<PullReport>> SyncService::pull_all(PullMode mode,
                                                             const std::string& trigger) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  const int64_t started_at = to_unix_seconds(clock_.now());
  std::vector<PullReport> reports;
  for (const auto entity : {PullEntity::jobs, PullEntity::contacts, PullEntity::files}) {
    reports.push_back(engine_.pull(entity, options_for(mode, trigger)));
  }
  if (after_run_) after_run_(started_at);
  return reports;
}

std::optional<JobFilesReport> SyncService::sync_files_of(
    const std::vector<std::string>& job_jnids) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  const int64_t started_at = to_unix_seconds(clock_.now());
  JobFilesReport report = sync_job_files(gateway_, store_, clock_, job_jnids);
  if (after_run_) after_run_(started_at);
  return report;
}

}  // namespace gep::sync

#include "sync/sync_service.h"

#include "core/time_format.h"

namespace gep::sync {

SyncService::SyncService(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
                         SyncSettings settings)
    : gateway_(gateway),
      store_(store),
      clock_(clock),
      settings_(settings),
      engine_(gateway, store, clock) {}

PullOptions SyncService::options_for(PullMode mode, const std::string& trigger) {
  PullOptions options;
  options.mode = mode;
  options.lookback_seconds = settings_.lookback_seconds;
  options.reconcile_deletes = settings_.reconcile_deletes || mode == PullMode::full;
  options.resume_full = false;
  options.trigger = trigger;
  options.conflict_policy = settings_.conflict_policy;
  options.on_progress = [this](const PullProgress& progress) {
    const std::lock_guard guard(activity_mutex_);
    activity_.what = std::string(to_string(progress.entity));
    activity_.fetched = progress.fetched;
    activity_.total = progress.total;
  };
  return options;
}

SyncService::Running::Running(SyncService& service, std::string what, const std::string& trigger)
    : service_(service) {
  const std::lock_guard guard(service_.activity_mutex_);
  service_.activity_ = {true, std::move(what), trigger, to_unix_seconds(service_.clock_.now()), 0,
                        0};
}

SyncService::Running::~Running() {
  const std::lock_guard guard(service_.activity_mutex_);
  service_.activity_ = {};
}

std::string describe(const SyncActivity& activity) {
  if (!activity.running) return "No sync is running.";
  std::string text = "Syncing " + activity.what + " (started " + format_when(activity.started_at) +
                     " by " + activity.trigger + "): " + std::to_string(activity.fetched);
  if (activity.total > 0) text += " of " + std::to_string(activity.total);
  return text + " records listed.";
}

SyncActivity SyncService::activity() const {
  const std::lock_guard guard(activity_mutex_);
  return activity_;
}

std::optional<PullReport> SyncService::pull(PullEntity entity, PullMode mode,
                                            const std::string& trigger) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  const int64_t started_at = to_unix_seconds(clock_.now());
  const Running running(*this, std::string(to_string(entity)), trigger);
  PullReport report = engine_.pull(entity, options_for(mode, trigger));
  if (after_run_) after_run_(started_at);
  return report;
}

std::optional<std::vector<PullReport>> SyncService::pull_all(PullMode mode,
                                                             const std::string& trigger) {
  const std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return std::nullopt;
  const int64_t started_at = to_unix_seconds(clock_.now());
  const Running running(*this, std::string(to_string(PullEntity::jobs)), trigger);
  std::vector<PullReport> reports;
  for (const auto entity : kPullOrder) {
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
  const Running running(*this, "photos", "api");
  JobFilesReport report = sync_job_files(gateway_, store_, clock_, job_jnids);
  if (after_run_) after_run_(started_at);
  return report;
}

}  // namespace gep::sync

#pragma once
// The one door to pulling: manual API calls, the CLI and the scheduler all come through here, so
// runs in this process never overlap (a second caller is told a run is in progress).
#include <mutex>
#include <optional>
#include <vector>

#include "sync/job_files_sync.h"
#include "sync/pull_engine.h"

namespace gep::sync {

struct SyncSettings {
  int64_t lookback_seconds = 300;
  bool reconcile_deletes = true;
};

class SyncService {
 public:
  SyncService(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
              SyncSettings settings);

  // nullopt when another run holds the service.
  std::optional<PullReport> pull(PullEntity entity, PullMode mode, const std::string& trigger);
  std::optional<JobFilesReport> sync_files_of(const std::vector<std::string>& job_jnids);
  // Jobs, contacts, then files: the scheduled incremental sync.
  std::optional<std::vector<PullReport>> pull_all(PullMode mode, const std::string& trigger);

 private:
  PullOptions options_for(PullMode mode, const std::string& trigger) const;

  JobNimbusGateway& gateway_;
  domain::DataStore& store_;
  Clock& clock_;
  const SyncSettings settings_;
  PullEngine engine_;
  std::mutex running_;
};

}  // namespace gep::sync

#pragma once
// The one door to pulling: manual API calls, the CLI and the scheduler all come through here, so
// runs in this process never overlap (a second caller is told a run is in progress).
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sync/job_files_sync.h"
#include "sync/pull_engine.h"

namespace gep::sync {

struct SyncSettings {
  int64_t lookback_seconds = 300;
  bool reconcile_deletes = true;
  ConflictPolicy conflict_policy = ConflictPolicy::last_write_wins;
};

// What the service is doing now, for the sync page's progress line.
struct SyncActivity {
  bool running = false;
  std::string what;  // "jobs" | "contacts" | "files" (a pull) or "photos" (a files sync)
  std::string trigger;
  int64_t started_at = 0;
  int64_t fetched = 0;  // records listed so far in this pull
  int64_t total = 0;    // records the listing will deliver, when JobNimbus said (0 otherwise)
};

// "No sync is running." or "Syncing jobs (started 2026-12-04 14:03 UTC by dashboard): 1200 of
// 2000 records listed.": the words the sync page shows and /api/v1/sync/status sends its script.
std::string describe(const SyncActivity& activity);

class SyncService {
 public:
  SyncService(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock,
              SyncSettings settings);

  // nullopt when another run holds the service.
  std::optional<PullReport> pull(PullEntity entity, PullMode mode, const std::string& trigger);
  std::optional<JobFilesReport> sync_files_of(const std::vector<std::string>& job_jnids);
  // Jobs, contacts, then files: the scheduled incremental sync.
  std::optional<std::vector<PullReport>> pull_all(PullMode mode, const std::string& trigger);

  // Safe to call from any thread while a run goes on.
  SyncActivity activity() const;

  // Called after every pull or files sync with the time it started (the mirror's clock): records
  // changed from then on are what it brought in (QC and risk re-evaluate those jobs). Set it
  // before the service is shared between threads.
  using AfterRun = std::function<void(int64_t started_at)>;
  void set_after_run(AfterRun hook) { after_run_ = std::move(hook); }

 private:
  PullOptions options_for(PullMode mode, const std::string& trigger);
  // Marks the service running for the scope's life (ended even if the run throws).
  class Running {
   public:
    Running(SyncService& service, std::string what, const std::string& trigger);
    ~Running();
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;

   private:
    SyncService& service_;
  };

  JobNimbusGateway& gateway_;
  domain::DataStore& store_;
  Clock& clock_;
  const SyncSettings settings_;
  PullEngine engine_;
  std::mutex running_;
  mutable std::mutex activity_mutex_;
  SyncActivity activity_;
  AfterRun after_run_;
};

}  // namespace gep::sync

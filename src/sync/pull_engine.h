#pragma once
// Pull: JobNimbus -> the mirror. Streams each entity by its (date_updated, jnid) cursor, stores
// pages with the cursor that ends them in one transaction (a crash resumes after the last stored
// page), then compares id sets (sync/reconcile.h): JobNimbus announces no deletes, and whatever a
// listing missed is fetched by id.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/data_store.h"
#include "domain/sync_records.h"
#include "sync/conflicts.h"
#include "sync/jobnimbus_gateway.h"

namespace gep::sync {

enum class PullEntity { jobs, contacts, files };
// The order a whole sync pulls in: jobs first (contacts and files link to them).
inline constexpr std::array<PullEntity, 3> kPullOrder = {PullEntity::jobs, PullEntity::contacts,
                                                         PullEntity::files};
enum class PullMode { incremental, full };

std::string_view to_string(PullEntity entity);  // "jobs" | "contacts" | "files"

struct PullProgress {
  PullEntity entity = PullEntity::jobs;
  int64_t fetched = 0;
  // Records the listing will deliver in all: JobNimbus's count for its range at the start (or,
  // resuming inside a crowded second, what was fetched before the latest request plus its
  // count); never lowered during a run.
  int64_t total = 0;
  int requests = 0;
};

struct PullOptions {
  PullMode mode = PullMode::incremental;
  // Incremental reads start this far before the saved cursor: records updated while the last
  // run listed, or sharing its last second, are read again (harmless: unchanged rows are skipped).
  int64_t lookback_seconds = 300;
  bool reconcile_deletes = true;
  // A full pull continues an interrupted one (gep seed) instead of starting over.
  bool resume_full = true;
  int max_page_attempts = 3;
  // A second thread fetches up to this many pages ahead, and one transaction stores the page in
  // hand with those already fetched, this many pages (of up to 1000 records) at most. It never
  // waits for a page: on SQLite it holds the only write lock.
  size_t pages_per_transaction = 4;
  std::string trigger = "manual";
  // A job status set through gep and also changed in JobNimbus (sync/conflicts.h).
  ConflictPolicy conflict_policy = ConflictPolicy::last_write_wins;
  std::function<void(const PullProgress&)> on_progress;
};

struct PullReport {
  PullEntity entity = PullEntity::jobs;
  domain::SyncStatus status = domain::SyncStatus::success;
  bool listing_completed = false;
  int64_t fetched = 0;
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t deleted = 0;
  int64_t undeleted = 0;
  // Records JobNimbus has that the mirror lacked (or held deleted), fetched by id and stored.
  int64_t repaired = 0;
  int64_t failed = 0;
  int requests = 0;
  int64_t duration_ms = 0;
  std::vector<std::string> errors;
};

class PullEngine {
 public:
  PullEngine(JobNimbusGateway& gateway, domain::DataStore& store, Clock& clock);

  PullReport pull(PullEntity entity, const PullOptions& options);

 private:
  template <class Wire>
  PullReport pull_records(PullEntity entity, const PullOptions& options);
  template <class Wire>
  void reconcile(const PullOptions& options, PullReport& report);
  void write_log(const PullReport& report, const PullOptions& options, int64_t started_at);

  JobNimbusGateway& gateway_;
  domain::DataStore& store_;
  Clock& clock_;
};

}  // namespace gep::sync

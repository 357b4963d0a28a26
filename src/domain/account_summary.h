#pragma once
// The account at a glance (the dashboard's overview): jobs by risk level, by QC result and by
// status in workflow order, the last sync and the sync runs of the last two weeks, and the
// write-backs queued, delivered and dead-lettered. Every count comes from the lists' own totals,
// which the stores keep cheap (issue 13), so the overview costs a few indexed counts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/data_store.h"

namespace gep::domain {

struct NamedCount {
  std::string name;
  int64_t count = 0;
};

// The pull runs that started on one UTC day.
struct SyncDay {
  int64_t day_start = 0;  // unix seconds of 00:00 UTC
  int64_t runs = 0;
  int64_t failed_runs = 0;
  int64_t records = 0;
  int64_t duration_ms = 0;
};

struct AccountSummary {
  int64_t active_jobs = 0;
  std::vector<NamedCount> risk_levels;   // HIGH, MEDIUM, LOW
  std::vector<NamedCount> qc_statuses;   // PASS, FAIL, NOT_CHECKED
  std::vector<NamedCount> job_statuses;  // workflow order; "Other" for names no workflow has
  std::optional<SyncLog> last_sync;      // the latest pull
  std::vector<SyncDay> sync_days;        // kSyncDays days, oldest first, ending today
  int64_t writebacks_pending = 0;        // pending and in flight
  int64_t writebacks_delivered = 0;
  int64_t writebacks_dead = 0;
};

inline constexpr int kSyncDays = 14;

Result<AccountSummary> summarize_account(Repositories& store, int64_t now);

}  // namespace gep::domain

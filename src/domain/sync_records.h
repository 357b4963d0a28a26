#pragma once
// What the sync engine keeps about its own progress: cursors and the spec's JobSyncLog.
// Times are unix seconds UTC (see records.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gep::domain {

// Where an incremental or resumable sync of one entity stands. Saved in the same transaction as
// the page it covers, so a crash resumes at the last stored page and never skips one.
struct SyncCursor {
  std::string entity;             // "jobs", "contacts", "files", "jobs:full", ...
  int64_t watermark = 0;          // highest JobNimbus date_updated fully stored
  std::string last_jnid;          // tie-breaker among records sharing `watermark`
  std::string position;           // opaque resume state of the sync engine (e.g. JSON)
  int64_t full_completed_at = 0;  // when the last full sync of this entity finished; 0 = never
  int64_t updated_at = 0;
};

enum class SyncType { pull, push };
enum class SyncStatus { success, failed, partial };

std::string_view to_string(SyncType type);      // "PULL" | "PUSH"
std::string_view to_string(SyncStatus status);  // "SUCCESS" | "FAILED" | "PARTIAL"
std::optional<SyncType> parse_sync_type(std::string_view text);
std::optional<SyncStatus> parse_sync_status(std::string_view text);

// The spec's JobSyncLog plus run details: one row per sync run or per write-back delivery.
struct SyncLog {
  int64_t id = 0;
  int64_t job_id = 0;    // spec jobId: the local job of a PUSH or targeted pull; 0 = none
  std::string job_jnid;  // its JobNimbus id, when known
  SyncType sync_type = SyncType::pull;
  SyncStatus status = SyncStatus::success;
  std::string entity;   // "jobs", "contacts", "files", "note", ...
  std::string trigger;  // "schedule", "manual", "webhook", "seed", "outbox", ...
  int64_t records_affected = 0;
  std::string error_message;
  std::string errors_json;  // the individual errors of a PARTIAL run, as a JSON array
  int64_t fetched = 0;
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t deleted = 0;
  int64_t repaired = 0;  // records the listing missed, fetched by id (sync/reconcile.h)
  int64_t failed = 0;
  int64_t started_at = 0;
  int64_t duration_ms = 0;
  int64_t created_at = 0;  // 0 when appending: the store fills in its clock's now
};

}  // namespace gep::domain

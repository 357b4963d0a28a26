#pragma once
// Write-backs to JobNimbus (notes, tasks, status changes, uploads) wait in a durable outbox until
// a worker delivers them. An item is enqueued in the same transaction as the change that caused
// it, so a write is never lost nor sent for a change that was rolled back. Times are unix seconds.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/paging.h"

namespace gep::domain {

enum class OutboxKind { note, task, status, attachment };
enum class OutboxStatus { pending, in_flight, delivered, dead };

std::string_view to_string(OutboxKind kind);      // "note" | "task" | "status" | "attachment"
std::string_view to_string(OutboxStatus status);  // "pending" | "in_flight" | "delivered" | "dead"
std::optional<OutboxKind> parse_outbox_kind(std::string_view text);
std::optional<OutboxStatus> parse_outbox_status(std::string_view text);

// POSTs create a record each time they are sent (JobNimbus has no idempotency keys); a PUT of the
// status can be repeated freely.
inline bool creates_record(OutboxKind kind) {
  return kind != OutboxKind::status;
}

struct OutboxItem {
  int64_t id = 0;
  OutboxKind kind = OutboxKind::note;
  int64_t job_id = 0;  // local job; 0 when the job is not (yet) mirrored
  std::string job_jnid;
  std::string payload_json;  // what to send, in gep's own shape (see sync/outbox_requests.h)
  OutboxStatus status = OutboxStatus::pending;
  int attempts = 0;  // claims so far: a claim that crashed counts too
  int max_attempts = 8;
  int64_t next_attempt_at = 0;  // 0 when enqueueing: now
  std::string last_error;
  // The last send may have reached JobNimbus (timeout after sending, or the worker died while
  // the item was in flight): look in JobNimbus before sending again.
  bool outcome_unknown = false;
  std::string locked_by;  // the worker holding the lease while in flight
  int64_t locked_until = 0;
  std::string result_jnid;  // the record JobNimbus created or updated
  std::string source;       // "api", "qc", ...
  std::string created_by;
  int64_t created_at = 0;  // 0 when enqueueing: now
  int64_t updated_at = 0;
  std::optional<int64_t> delivered_at;
};

struct OutboxQuery {
  std::optional<OutboxStatus> status;
  std::string job_jnid;  // "" = every job
  int64_t limit = 50;
  int64_t offset = 0;
};

// How a claimed item ended one delivery attempt.
struct OutboxOutcome {
  OutboxStatus status = OutboxStatus::pending;  // delivered, pending (retry later) or dead
  std::string result_jnid;                      // delivered
  int64_t next_attempt_at = 0;                  // pending
  std::string last_error;
  bool outcome_unknown = false;
};

class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;

  // Stores a new pending item; answers it as stored (id, times).
  virtual Result<OutboxItem> enqueue(const OutboxItem& item) = 0;
  virtual Result<std::optional<OutboxItem>> find(int64_t id) = 0;
  // Newest first.
  virtual Result<Page<OutboxItem>> list(const OutboxQuery& query) = 0;

  // Leases up to `limit` due items to `worker` until `lease_until` and answers them in_flight, in
  // delivery order. Due: pending with next_attempt_at <= now, or in_flight with an expired lease
  // (its worker died); such a reclaimed item comes back with outcome_unknown set. Each claim
  // counts an attempt. Items held by an open conflict, and a job's status change while an older
  // one of the same job is undelivered, are not due. Several processes may claim at once: each
  // item goes to one of them (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer at a time).
  virtual Result<std::vector<OutboxItem>> claim_due(std::string_view worker, int64_t now,
                                                    int64_t lease_until, int limit) = 0;
  // The calls below act only while `worker` still holds the item's lease and answer false when
  // it does not (the lease expired and another worker took the item over).
  virtual Result<bool> renew_lease(int64_t id, std::string_view worker, int64_t lease_until) = 0;
  virtual Result<bool> finish(int64_t id, std::string_view worker, const OutboxOutcome& outcome,
                              int64_t now) = 0;
  // Hands an item back unsent (a worker stopping): pending again, its claim not counted.
  virtual Result<bool> release(int64_t id, std::string_view worker, int64_t now) = 0;

  // A dead item pending again with a fresh attempt budget; false when it is not dead.
  virtual Result<bool> retry_dead(int64_t id, int64_t now) = 0;
  // Dead-letters a pending item that will not be sent (a conflict resolved for JobNimbus's side).
  virtual Result<bool> cancel_pending(int64_t id, std::string_view reason, int64_t now) = 0;
  // Pending items of `kind` for these jobs, oldest first (conflict detection on a pulled page).
  virtual Result<std::vector<OutboxItem>> pending_for_jobs(OutboxKind kind,
                                                           std::span<const std::string> jnids) = 0;
  // The JobNimbus ids already recorded as delivered for a job's items of `kind`: a reconciling
  // worker must not mistake another item's record for its own.
  virtual Result<std::vector<std::string>> delivered_result_ids(std::string_view job_jnid,
                                                                OutboxKind kind) = 0;
};

enum class ConflictStatus { open, resolved };
enum class ConflictSide { local, remote };

std::string_view to_string(ConflictStatus status);  // "open" | "resolved"
std::string_view to_string(ConflictSide side);      // "local" | "remote"
std::optional<ConflictStatus> parse_conflict_status(std::string_view text);
std::optional<ConflictSide> parse_conflict_side(std::string_view text);

// A job field changed both through gep (an undelivered outbox item) and in JobNimbus.
struct Conflict {
  int64_t id = 0;
  int64_t job_id = 0;
  std::string job_jnid;
  std::string entity = "job";
  std::string field;  // "status"
  std::string local_value;
  std::string remote_value;
  int64_t local_changed_at = 0;
  int64_t remote_changed_at = 0;
  int64_t outbox_id = 0;
  ConflictStatus status = ConflictStatus::open;
  std::optional<ConflictSide> resolution;
  std::string resolved_by;  // "last-write-wins", or who resolved it by hand
  int64_t created_at = 0;   // 0 when recording: now
  std::optional<int64_t> resolved_at;
};

class ConflictRepository {
 public:
  virtual ~ConflictRepository() = default;
  virtual Result<Conflict> record(const Conflict& conflict) = 0;
  virtual Result<std::optional<Conflict>> find(int64_t id) = 0;
  // Newest first; every status when `status` is empty.
  virtual Result<Page<Conflict>> list(std::optional<ConflictStatus> status, int64_t limit,
                                      int64_t offset) = 0;
  // Whether an outbox item already has a conflict (open or resolved): one per item.
  virtual Result<bool> exists_for_outbox(int64_t outbox_id) = 0;
  // Open -> resolved; false when it was not open.
  virtual Result<bool> resolve(int64_t id, ConflictSide keep, std::string_view resolved_by,
                               int64_t now) = 0;
};

}  // namespace gep::domain

#pragma once
// A job's status set through gep (an outbox item not yet delivered) and also changed in
// JobNimbus. The pull notices it when it stores the job's page: JobNimbus then shows neither the
// status gep asked for nor the one gep saw when the change was made (the item's previousStatus).
//
//   last-write-wins (default): the later change wins, by timestamp — ours is the item's creation
//     time, JobNimbus's the job's date_status_change (else date_updated); a tie goes to ours. If
//     ours wins the item is delivered as usual; if JobNimbus's wins the item is dead-lettered as
//     superseded. Either way the decision is recorded as a resolved conflict, for audit.
//   manual: the conflict is recorded open and the item is held (not delivered) until someone
//     resolves it: keep 'local' releases the item, keep 'remote' dead-letters it.
// The mirror itself always stores what JobNimbus says: it is a mirror.
#include <optional>
#include <span>
#include <string_view>

#include "core/result.h"
#include "domain/data_store.h"
#include "jobnimbus/models.h"

namespace gep::sync {

enum class ConflictPolicy { last_write_wins, manual };

std::string_view to_string(ConflictPolicy policy);  // "last-write-wins" | "manual"
std::optional<ConflictPolicy> parse_conflict_policy(std::string_view text);

// Runs inside the transaction that stores a pulled page of jobs. Answers how many conflicts it
// recorded.
Result<int> detect_status_conflicts(domain::Repositories& repositories,
                                    std::span<const jobnimbus::Job> page, ConflictPolicy policy,
                                    int64_t now);

// Resolves an open conflict (and releases or dead-letters its outbox item) in one transaction.
// Errors: "not_found"; "conflict" when it is already resolved, or when keeping JobNimbus's value
// is too late because ours was already delivered.
Result<domain::Conflict> resolve_conflict(domain::DataStore& store, int64_t id,
                                          domain::ConflictSide keep, std::string_view resolved_by,
                                          int64_t now);

}  // namespace gep::sync

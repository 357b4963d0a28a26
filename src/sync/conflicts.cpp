#include "sync/conflicts.h"

#include <map>

#include "core/logging.h"
#include "sync/outbox_requests.h"

namespace gep::sync {
namespace {

constexpr std::string_view kLastWriteWins = "last-write-wins";

int64_t remote_change_time(const jobnimbus::Job& job) {
  return job.date_status_change.value_or(job.date_updated.value_or(0));
}

std::string superseded_reason(const jobnimbus::Job& remote, std::string_view how) {
  return "superseded: JobNimbus changed the status to \"" + remote.status_name + "\" at " +
         std::to_string(remote_change_time(remote)) + " (" + std::string(how) + ")";
}

// Whether `status` is what an earlier status change of the same job, made through gep, asked
// for: the mirror may not have seen that delivery yet when `item` was made.
Result<bool> earlier_status_write(domain::Repositories& repositories,
                                  const domain::OutboxItem& item, const std::string& status) {
  const auto recent = repositories.outbox().list({std::nullopt, item.job_jnid, 200, 0});
  if (!recent) return fail(recent.error());
  for (const auto& earlier : recent->items) {
    if (earlier.id >= item.id || earlier.kind != domain::OutboxKind::status) continue;
    const auto payload = parse_payload(earlier.kind, earlier.payload_json);
    if (payload && payload->status == status) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(ConflictPolicy policy) {
  return policy == ConflictPolicy::manual ? "manual" : kLastWriteWins;
}

std::optional<ConflictPolicy> parse_conflict_policy(std::string_view text) {
  if (text == kLastWriteWins) return ConflictPolicy::last_write_wins;
  if (text == "manual") return ConflictPolicy::manual;
  return std::nullopt;
}

Result<int> detect_status_conflicts(domain::Repositories& repositories,
                                    std::span<const jobnimbus::Job> page, ConflictPolicy policy,
                                    int64_t now) {
  std::map<std::string, const jobnimbus::Job*> by_jnid;
  std::vector<std::string> jnids;
  for (const auto& job : page) {
    by_jnid[job.jnid] = &job;
    jnids.push_back(job.jnid);
  }
  const auto pending = repositories.outbox().pending_for_jobs(domain::OutboxKind::status, jnids);
  if (!pending) return fail(pending.error());
  int recorded = 0;
  for (const auto& item : *pending) {
    const jobnimbus::Job& remote = *by_jnid.at(item.job_jnid);
    const auto payload = parse_payload(item.kind, item.payload_json);
    if (!payload) continue;  // the worker dead-letters it
    // JobNimbus shows our value (nothing to decide) or the one we saw (it did not change).
    if (remote.status_name == payload->status || remote.status_name == payload->previous_status) {
      continue;
    }
    const auto ours = earlier_status_write(repositories, item, remote.status_name);
    if (!ours) return fail(ours.error());
    if (*ours) continue;  // JobNimbus shows an earlier change made through gep, not someone else's
    const auto decided = repositories.conflicts().exists_for_outbox(item.id);
    if (!decided) return fail(decided.error());
    if (*decided) continue;  // one decision per item

    domain::Conflict conflict;
    conflict.job_id = item.job_id;
    conflict.job_jnid = item.job_jnid;
    conflict.field = "status";
    conflict.local_value = payload->status;
    conflict.remote_value = remote.status_name;
    conflict.local_changed_at = item.created_at;
    conflict.remote_changed_at = remote_change_time(remote);
    conflict.outbox_id = item.id;
    conflict.created_at = now;
    if (policy == ConflictPolicy::last_write_wins) {
      const bool local_wins = conflict.local_changed_at >= conflict.remote_changed_at;
      conflict.status = domain::ConflictStatus::resolved;
      conflict.resolution = local_wins ? domain::ConflictSide::local : domain::ConflictSide::remote;
      conflict.resolved_by = std::string(kLastWriteWins);
      conflict.resolved_at = now;
      if (!local_wins) {
        const auto cancelled = repositories.outbox().cancel_pending(
            item.id, superseded_reason(remote, kLastWriteWins), now);
        if (!cancelled) return fail(cancelled.error());
      }
    }
    if (auto stored = repositories.conflicts().record(conflict); !stored) {
      return fail(stored.error());
    }
    ++recorded;
    log::info("status conflict on job {}: gep set \"{}\", JobNimbus has \"{}\" ({})", item.job_jnid,
              conflict.local_value, conflict.remote_value,
              policy == ConflictPolicy::manual
                  ? std::string("held for a decision")
                  : std::string("kept ") + std::string(domain::to_string(*conflict.resolution)));
  }
  return recorded;
}

Result<domain::Conflict> resolve_conflict(domain::DataStore& store, int64_t id,
                                          domain::ConflictSide keep, std::string_view resolved_by,
                                          int64_t now) {
  std::optional<domain::Conflict> resolved;
  std::optional<Error> refusal;
  const Status done = store.in_transaction([&](domain::Repositories& repositories) -> Status {
    const auto found = repositories.conflicts().find(id);
    if (!found) return fail(found.error());
    if (!found->has_value()) {
      refusal = Error{"not_found", "no conflict " + std::to_string(id)};
      return fail(*refusal);
    }
    const auto changed = repositories.conflicts().resolve(id, keep, resolved_by, now);
    if (!changed) return fail(changed.error());
    if (!*changed) {
      refusal = Error{"conflict", "conflict " + std::to_string(id) + " is already resolved"};
      return fail(*refusal);
    }
    const domain::Conflict& conflict = **found;
    if (keep == domain::ConflictSide::remote && conflict.outbox_id != 0) {
      const auto cancelled = repositories.outbox().cancel_pending(
          conflict.outbox_id,
          "superseded: the conflict was resolved for JobNimbus's value (\"" +
              conflict.remote_value + "\")",
          now);
      if (!cancelled) return fail(cancelled.error());
      if (!*cancelled) {
        refusal = Error{"conflict", "gep's value was already delivered to JobNimbus"};
        return fail(*refusal);
      }
    }
    // Keeping ours needs nothing more: without an open conflict the pending item is due again.
    auto after = repositories.conflicts().find(id);
    if (!after || !after->has_value()) return fail("internal", "the resolved conflict vanished");
    resolved = std::move(**after);
    return {};
  });
  if (refusal) return fail(*refusal);
  if (!done) return fail(done.error());
  return std::move(*resolved);
}

}  // namespace gep::sync

#pragma once
// Did a POST whose outcome is unknown reach JobNimbus? Looks for the record among the job's
// newest activities, tasks or files: same note text / task title (and description) / file name
// (and size), created at or after the outbox item (less the allowed clock skew), and not a record
// another delivered outbox item already claimed (two identical notes must both be sent).
#include <optional>
#include <span>
#include <string>

#include "core/result.h"
#include "domain/outbox.h"
#include "sync/jobnimbus_writer.h"
#include "sync/outbox_requests.h"

namespace gep::sync {

struct ReconcileOptions {
  int limit = 1000;
  int64_t clock_skew_seconds = 60;
};

// The jnid JobNimbus gave the record, nullopt when it does not have it, or an error when it could
// not tell (JobNimbus unreachable; more records newer than the item than one listing holds).
Result<std::optional<std::string>> find_delivered(JobNimbusWriter& writer,
                                                  const domain::OutboxItem& item,
                                                  const OutboxPayload& payload,
                                                  std::span<const std::string> claimed_ids,
                                                  const ReconcileOptions& options);

}  // namespace gep::sync

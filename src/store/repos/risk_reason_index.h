#pragma once
// The reasons of the latest risk snapshots, one row per (snapshot, reason code) with the list's
// sort keys (migration 5), so that `reason=` seeks an index in the list's order instead of walking
// the order and testing every snapshot's codes: the jobs that share a reason were evaluated
// together and sit together in the order, so that walk grew with the list (1M jobs: 30-50 ms).
// Written with the snapshots, in their transaction.
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sql/connection.h"

namespace gep::store {

// After new latest snapshots of `job_ids` were inserted: their reason rows, rewritten from them.
Status index_latest_reasons(sql::Connection& connection, std::span<const int64_t> job_ids,
                            const std::vector<std::string>& codes);
// After snapshots were re-evaluated in place: their reason rows take the new sort keys.
Status refresh_reason_keys(sql::Connection& connection, std::span<const int64_t> snapshot_ids);

}  // namespace gep::store

#include "store/repos/risk_reason_index.h"

#include "store/repos/batch_sql.h"
#include "store/repos/record_table.h"

namespace gep::store {
namespace {

std::vector<sql::Value> values_of(std::span<const int64_t> ids) {
  return std::vector<sql::Value>(ids.begin(), ids.end());
}

}  // namespace

Status index_latest_reasons(sql::Connection& connection, std::span<const int64_t> job_ids,
                            const std::vector<std::string>& codes) {
  const std::string latest = latest_condition(connection.dialect(), "");
  for (size_t start = 0, rows = 0; start < job_ids.size(); start += rows) {
    rows = next_statement_rows(job_ids.size() - start, kIdsPerStatement);
    const auto chunk = job_ids.subspan(start, rows);
    const std::string in_list = "(" + placeholders(chunk.size()) + ")";
    const auto removed = connection.execute(
        "DELETE FROM risk_snapshot_reasons WHERE job_id IN " + in_list, values_of(chunk));
    if (!removed) return fail(removed.error());
    for (const auto& code : codes) {
      std::vector<sql::Value> params{sql::Value{code}, sql::Value{"%," + code + ",%"}};
      for (const int64_t id : chunk) params.emplace_back(id);
      const auto inserted = connection.execute(
          "INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order, "
          "level_order_ascending, last_evaluated_at) SELECT id, job_id, ?, level_order, "
          "level_order_ascending, last_evaluated_at FROM risk_snapshots WHERE " +
              latest + " AND reason_codes LIKE ? AND job_id IN " + in_list,
          params);
      if (!inserted) return fail(inserted.error());
    }
  }
  return {};
}

Status refresh_reason_keys(sql::Connection& connection, std::span<const int64_t> snapshot_ids) {
  for (size_t start = 0, rows = 0; start < snapshot_ids.size(); start += rows) {
    rows = next_statement_rows(snapshot_ids.size() - start, kIdsPerStatement);
    const auto chunk = snapshot_ids.subspan(start, rows);
    const auto updated = connection.execute(
        "UPDATE risk_snapshot_reasons SET level_order = r.level_order, "
        "level_order_ascending = r.level_order_ascending, last_evaluated_at = r.last_evaluated_at "
        "FROM risk_snapshots r WHERE r.id = risk_snapshot_reasons.snapshot_id AND r.id IN (" +
            placeholders(chunk.size()) + ")",
        values_of(chunk));
    if (!updated) return fail(updated.error());
  }
  return {};
}

}  // namespace gep::store

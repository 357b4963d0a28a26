#include "store/repos/sync_log_repository.h"

#include <algorithm>

#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::string_view kSyncLogColumns =
    "id, job_id, job_jnid, sync_type, status, entity, trigger_source, records_affected, "
    "error_message, errors_json, fetched, created, updated, unchanged, deleted, failed, "
    "started_at, duration_ms, created_at, repaired";
constexpr std::string_view kNewestFirst = " ORDER BY created_at DESC, id DESC";

domain::SyncLog log_from(const sql::Row& row) {
  RowReader read(row);
  domain::SyncLog log;
  log.id = read.integer();
  log.job_id = read.integer();
  log.job_jnid = read.text();
  log.sync_type = domain::parse_sync_type(read.text()).value_or(domain::SyncType::pull);
  log.status = domain::parse_sync_status(read.text()).value_or(domain::SyncStatus::failed);
  log.entity = read.text();
  log.trigger = read.text();
  log.records_affected = read.integer();
  log.error_message = read.text();
  log.errors_json = read.text();
  log.fetched = read.integer();
  log.created = read.integer();
  log.updated = read.integer();
  log.unchanged = read.integer();
  log.deleted = read.integer();
  log.failed = read.integer();
  log.started_at = read.integer();
  log.duration_ms = read.integer();
  log.created_at = read.integer();
  log.repaired = read.integer();
  return log;
}

}  // namespace

Result<int64_t> SqlSyncLogRepository::append(const domain::SyncLog& log) {
  const std::vector<sql::Value> params{
      sql::zero_as_null(log.job_id),
      sql::Value{log.job_jnid},
      sql::Value{std::string(domain::to_string(log.sync_type))},
      sql::Value{std::string(domain::to_string(log.status))},
      sql::Value{log.entity},
      sql::Value{log.trigger},
      sql::Value{log.records_affected},
      sql::Value{log.error_message},
      sql::Value{log.errors_json.empty() ? std::string("[]") : log.errors_json},
      sql::Value{log.fetched},
      sql::Value{log.created},
      sql::Value{log.updated},
      sql::Value{log.unchanged},
      sql::Value{log.deleted},
      sql::Value{log.failed},
      sql::zero_as_null(log.started_at),
      sql::Value{log.duration_ms},
      sql::Value{log.created_at != 0 ? log.created_at : source_.now()},
      sql::Value{log.repaired}};
  return run_on<int64_t>(source_, true, [&](sql::Connection& connection) -> Result<int64_t> {
    const auto rows = connection.query(
        "INSERT INTO sync_logs (job_id, job_jnid, sync_type, status, entity, trigger_source, "
        "records_affected, error_message, errors_json, fetched, created, updated, unchanged, "
        "deleted, failed, started_at, duration_ms, created_at, repaired) VALUES (?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        params);
    if (!rows) return fail(rows.error());
    if (rows->empty()) return fail("internal", "sync log insert returned no id");
    if (const Status noted = connection.note_change("sync_logs"); !noted) {
      return fail(noted.error());
    }
    return rows->front().integer(0);
  });
}

Result<domain::Page<domain::SyncLog>> SqlSyncLogRepository::list(
    const domain::SyncLogQuery& query) {
  std::string where;
  std::vector<sql::Value> params;
  if (query.status) {
    where = " WHERE status = ?";
    params.emplace_back(std::string(domain::to_string(*query.status)));
  }
  return run_on<domain::Page<domain::SyncLog>>(
      source_, false, [&](sql::Connection& connection) -> Result<domain::Page<domain::SyncLog>> {
        const auto counted = connection.query("SELECT COUNT(*) FROM sync_logs" + where, params);
        if (!counted) return fail(counted.error());
        std::vector<sql::Value> paged = params;
        paged.emplace_back(std::clamp<int64_t>(query.limit, 1, 1000));
        paged.emplace_back(std::max<int64_t>(query.offset, 0));
        const auto rows =
            connection.query("SELECT " + std::string(kSyncLogColumns) + " FROM sync_logs" + where +
                                 std::string(kNewestFirst) + " LIMIT ? OFFSET ?",
                             paged);
        if (!rows) return fail(rows.error());
        domain::Page<domain::SyncLog> page;
        page.total = counted->empty() ? 0 : counted->front().integer(0);
        for (const auto& row : *rows) page.items.push_back(log_from(row));
        return page;
      });
}

Result<std::optional<domain::SyncLog>> SqlSyncLogRepository::first_where(
    std::string_view condition, std::vector<sql::Value> params) {
  const std::string sql = "SELECT " + std::string(kSyncLogColumns) + " FROM sync_logs" +
                          std::string(condition) + std::string(kNewestFirst) + " LIMIT 1";
  return run_on<std::optional<domain::SyncLog>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::optional<domain::SyncLog>> {
        const auto rows = connection.query(sql, params);
        if (!rows) return fail(rows.error());
        if (rows->empty()) return std::optional<domain::SyncLog>();
        return std::optional<domain::SyncLog>(log_from(rows->front()));
      });
}

Result<std::optional<domain::SyncLog>> SqlSyncLogRepository::latest() {
  return first_where("", {});
}

Result<std::optional<domain::SyncLog>> SqlSyncLogRepository::latest_for_entity(
    std::string_view entity) {
  return first_where(" WHERE entity = ?", {sql::Value{std::string(entity)}});
}

}  // namespace gep::store

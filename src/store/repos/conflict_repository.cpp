#include "store/repos/conflict_repository.h"

#include <algorithm>

#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

using domain::Conflict;

constexpr std::string_view kConflictColumns =
    "id, job_id, job_jnid, entity, field, local_value, remote_value, local_changed_at, "
    "remote_changed_at, outbox_id, status, resolution, resolved_by, created_at, resolved_at";

Conflict conflict_from(const sql::Row& row) {
  RowReader read(row);
  Conflict conflict;
  conflict.id = read.integer();
  conflict.job_id = read.integer();
  conflict.job_jnid = read.text();
  conflict.entity = read.text();
  conflict.field = read.text();
  conflict.local_value = read.text();
  conflict.remote_value = read.text();
  conflict.local_changed_at = read.integer();
  conflict.remote_changed_at = read.integer();
  conflict.outbox_id = read.integer();
  conflict.status =
      domain::parse_conflict_status(read.text()).value_or(domain::ConflictStatus::open);
  conflict.resolution = domain::parse_conflict_side(read.text());
  conflict.resolved_by = read.text();
  conflict.created_at = read.integer();
  conflict.resolved_at = read.optional_integer();
  return conflict;
}

Result<std::vector<Conflict>> conflicts_from(const Result<sql::Rows>& rows) {
  if (!rows) return fail(rows.error());
  std::vector<Conflict> conflicts;
  for (const auto& row : *rows) conflicts.push_back(conflict_from(row));
  return conflicts;
}

}  // namespace

Result<Conflict> SqlConflictRepository::record(const Conflict& conflict) {
  const int64_t now = source_.now();
  const bool resolved = conflict.status == domain::ConflictStatus::resolved;
  const std::vector<sql::Value> params{
      sql::zero_as_null(conflict.job_id),
      sql::Value{conflict.job_jnid},
      sql::Value{conflict.entity},
      sql::Value{conflict.field},
      sql::Value{conflict.local_value},
      sql::Value{conflict.remote_value},
      sql::zero_as_null(conflict.local_changed_at),
      sql::zero_as_null(conflict.remote_changed_at),
      sql::zero_as_null(conflict.outbox_id),
      sql::Value{std::string(domain::to_string(conflict.status))},
      conflict.resolution ? sql::Value{std::string(domain::to_string(*conflict.resolution))}
                          : sql::null_value(),
      sql::Value{conflict.resolved_by},
      sql::Value{conflict.created_at != 0 ? conflict.created_at : now},
      resolved ? sql::Value{conflict.resolved_at.value_or(now)} : sql::null_value()};
  return run_on<Conflict>(source_, true, [&](sql::Connection& connection) -> Result<Conflict> {
    auto conflicts = conflicts_from(connection.query(
        "INSERT INTO conflicts (job_id, job_jnid, entity, field, local_value, remote_value, "
        "local_changed_at, remote_changed_at, outbox_id, status, resolution, resolved_by, "
        "created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " +
            std::string(kConflictColumns),
        params));
    if (!conflicts) return fail(conflicts.error());
    if (conflicts->empty()) return fail("internal", "conflict insert returned no row");
    if (const Status noted = connection.note_change("conflicts"); !noted) {
      return fail(noted.error());
    }
    return std::move(conflicts->front());
  });
}

Result<std::optional<Conflict>> SqlConflictRepository::find(int64_t id) {
  return run_on<std::optional<Conflict>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::optional<Conflict>> {
        auto conflicts = conflicts_from(connection.query(
            "SELECT " + std::string(kConflictColumns) + " FROM conflicts WHERE id = ?",
            {sql::Value{id}}));
        if (!conflicts) return fail(conflicts.error());
        if (conflicts->empty()) return std::optional<Conflict>();
        return std::optional<Conflict>(std::move(conflicts->front()));
      });
}

Result<domain::Page<Conflict>> SqlConflictRepository::list(
    std::optional<domain::ConflictStatus> status, int64_t limit, int64_t offset) {
  std::string where;
  std::vector<sql::Value> params;
  if (status) {
    where = " WHERE status = ?";
    params.emplace_back(std::string(domain::to_string(*status)));
  }
  return run_on<domain::Page<Conflict>>(
      source_, false, [&](sql::Connection& connection) -> Result<domain::Page<Conflict>> {
        const auto counted = connection.query("SELECT COUNT(*) FROM conflicts" + where, params);
        if (!counted) return fail(counted.error());
        std::vector<sql::Value> paged = params;
        paged.emplace_back(std::clamp<int64_t>(limit, 1, 1000));
        paged.emplace_back(std::max<int64_t>(offset, 0));
        auto conflicts = conflicts_from(
            connection.query("SELECT " + std::string(kConflictColumns) + " FROM conflicts" + where +
                                 " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                             paged));
        if (!conflicts) return fail(conflicts.error());
        domain::Page<Conflict> page;
        page.total = counted->empty() ? 0 : counted->front().integer(0);
        page.items = std::move(conflicts).value();
        return page;
      });
}

Result<bool> SqlConflictRepository::exists_for_outbox(int64_t outbox_id) {
  return run_on<bool>(source_, false, [&](sql::Connection& connection) -> Result<bool> {
    const auto rows = connection.query("SELECT 1 FROM conflicts WHERE outbox_id = ? LIMIT 1",
                                       {sql::Value{outbox_id}});
    if (!rows) return fail(rows.error());
    return !rows->empty();
  });
}

Result<bool> SqlConflictRepository::resolve(int64_t id, domain::ConflictSide keep,
                                            std::string_view resolved_by, int64_t now) {
  return run_on<bool>(source_, true, [&](sql::Connection& connection) -> Result<bool> {
    const auto changed = connection.execute(
        "UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, "
        "resolved_at = ? WHERE id = ? AND status = 'open'",
        {sql::Value{std::string(domain::to_string(keep))}, sql::Value{std::string(resolved_by)},
         sql::Value{now}, sql::Value{id}});
    if (!changed) return fail(changed.error());
    if (*changed > 0) {
      if (const Status noted = connection.note_change("conflicts"); !noted) {
        return fail(noted.error());
      }
    }
    return *changed == 1;
  });
}

}  // namespace gep::store

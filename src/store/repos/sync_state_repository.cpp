#include "store/repos/sync_state_repository.h"

#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT entity, watermark, last_jnid, resume_state, full_completed_at, updated_at "
    "FROM sync_state";

domain::SyncCursor cursor_from(const sql::Row& row) {
  RowReader read(row);
  domain::SyncCursor cursor;
  cursor.entity = read.text();
  cursor.watermark = read.integer();
  cursor.last_jnid = read.text();
  cursor.position = read.text();
  cursor.full_completed_at = read.integer();
  cursor.updated_at = read.integer();
  return cursor;
}

}  // namespace

Result<std::optional<domain::SyncCursor>> SqlSyncStateRepository::get(std::string_view entity) {
  return run_on<std::optional<domain::SyncCursor>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<std::optional<domain::SyncCursor>> {
        const auto rows = connection.query(std::string(kSelect) + " WHERE entity = ?",
                                           {sql::Value{std::string(entity)}});
        if (!rows) return fail(rows.error());
        if (rows->empty()) return std::optional<domain::SyncCursor>();
        return std::optional<domain::SyncCursor>(cursor_from(rows->front()));
      });
}

Status SqlSyncStateRepository::put(const domain::SyncCursor& cursor) {
  if (cursor.entity.empty()) return fail("validation", "sync cursor without an entity");
  const std::vector<sql::Value> params{sql::Value{cursor.entity},
                                       sql::Value{cursor.watermark},
                                       sql::Value{cursor.last_jnid},
                                       sql::Value{cursor.position},
                                       sql::zero_as_null(cursor.full_completed_at),
                                       sql::Value{source_.now()}};
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    const auto written = connection.execute(
        "INSERT INTO sync_state (entity, watermark, last_jnid, resume_state, full_completed_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity) DO UPDATE SET "
        "watermark = excluded.watermark, last_jnid = excluded.last_jnid, "
        "resume_state = excluded.resume_state, full_completed_at = excluded.full_completed_at, "
        "updated_at = excluded.updated_at",
        params);
    if (!written) return fail(written.error());
    return {};
  });
}

Result<std::vector<domain::SyncCursor>> SqlSyncStateRepository::list() {
  return run_on<std::vector<domain::SyncCursor>>(
      source_, false, [&](sql::Connection& connection) -> Result<std::vector<domain::SyncCursor>> {
        const auto rows = connection.query(std::string(kSelect) + " ORDER BY entity");
        if (!rows) return fail(rows.error());
        std::vector<domain::SyncCursor> cursors;
        for (const auto& row : *rows) cursors.push_back(cursor_from(row));
        return cursors;
      });
}

}  // namespace gep::store

#include "store/repos/session_repository.h"

#include "store/database.h"
#include "store/repos/row_reader.h"

namespace gep::store {

Status SqlSessionRepository::create(const auth::StoredSession& session) {
  const auto created = change(
      "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, "
      "absolute_expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {sql::Value{session.id}, sql::Value{session.user_id}, sql::Value{session.csrf_token},
       sql::Value{session.created_at}, sql::Value{session.last_seen_at},
       sql::Value{session.idle_expires_at}, sql::Value{session.absolute_expires_at},
       sql::Value{session.ip}, sql::Value{session.user_agent}});
  if (!created) return fail(created.error());
  return {};
}

Result<std::optional<auth::StoredSession>> SqlSessionRepository::find(const std::string& id) {
  using Found = std::optional<auth::StoredSession>;
  return run_on<Found>(*source_, false, [&](sql::Connection& connection) -> Result<Found> {
    const auto rows = connection.query(
        "SELECT id, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, "
        "absolute_expires_at, revoked_at, ip, user_agent FROM sessions WHERE id = ?",
        {sql::Value{id}});
    if (!rows) return fail(rows.error());
    if (rows->empty()) return Found();
    RowReader read(rows->front());
    auth::StoredSession session;
    session.id = read.text();
    session.user_id = read.integer();
    session.csrf_token = read.text();
    session.created_at = read.integer();
    session.last_seen_at = read.integer();
    session.idle_expires_at = read.integer();
    session.absolute_expires_at = read.integer();
    session.revoked_at = read.optional_integer();
    session.ip = read.text();
    session.user_agent = read.text();
    return Found(std::move(session));
  });
}

Status SqlSessionRepository::touch(const std::string& id, int64_t last_seen_at,
                                   int64_t idle_expires_at) {
  const auto touched = change(
      "UPDATE sessions SET last_seen_at = ?, idle_expires_at = ? WHERE id = ? AND revoked_at IS "
      "NULL",
      {sql::Value{last_seen_at}, sql::Value{idle_expires_at}, sql::Value{id}});
  if (!touched) return fail(touched.error());
  return {};
}

Status SqlSessionRepository::revoke(const std::string& id, int64_t at) {
  const auto revoked =
      change("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
             {sql::Value{at}, sql::Value{id}});
  if (!revoked) return fail(revoked.error());
  return {};
}

Result<int64_t> SqlSessionRepository::revoke_all_for_user(int64_t user_id, int64_t at) {
  return change("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                {sql::Value{at}, sql::Value{user_id}});
}

Result<int64_t> SqlSessionRepository::delete_ended_before(int64_t before) {
  return change(
      "DELETE FROM sessions WHERE absolute_expires_at < ? OR idle_expires_at < ? OR "
      "revoked_at < ?",
      {sql::Value{before}, sql::Value{before}, sql::Value{before}});
}

Result<int64_t> SqlSessionRepository::change(const std::string& sql,
                                             std::vector<sql::Value> values) {
  return run_on<int64_t>(*source_, false, [&](sql::Connection& connection) -> Result<int64_t> {
    return connection.execute(sql, values);
  });
}

std::unique_ptr<auth::SessionRepository> make_session_repository(Database& database) {
  return std::make_unique<SqlSessionRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

}  // namespace gep::store

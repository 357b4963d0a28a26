#include "store/repos/portal_access_repository.h"

#include "store/database.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::string_view kLinkColumns =
    "id, token_hash, contact_jnid, email, created_by, created_at, expires_at, used_at";
constexpr std::string_view kSessionColumns =
    "id, contact_jnid, magic_link_id, created_at, last_seen_at, idle_expires_at, "
    "absolute_expires_at, revoked_at";

portal::MagicLink link_from(const sql::Row& row) {
  RowReader read(row);
  portal::MagicLink link;
  link.id = read.integer();
  link.token_hash = read.text();
  link.contact_jnid = read.text();
  link.email = read.text();
  link.created_by = read.text();
  link.created_at = read.integer();
  link.expires_at = read.integer();
  link.used_at = read.optional_integer();
  return link;
}

portal::PortalSession session_from(const sql::Row& row) {
  RowReader read(row);
  portal::PortalSession session;
  session.id = read.text();
  session.contact_jnid = read.text();
  session.magic_link_id = read.optional_integer();
  session.created_at = read.integer();
  session.last_seen_at = read.integer();
  session.idle_expires_at = read.integer();
  session.absolute_expires_at = read.integer();
  session.revoked_at = read.optional_integer();
  return session;
}

}  // namespace

Result<int64_t> SqlMagicLinkRepository::insert(const portal::MagicLink& link) {
  return run_on<int64_t>(source_, true, [&](sql::Connection& connection) -> Result<int64_t> {
    const auto rows = connection.query(
        "INSERT INTO portal_magic_links (token_hash, contact_jnid, email, created_by, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {sql::Value{link.token_hash}, sql::Value{link.contact_jnid}, sql::Value{link.email},
         sql::Value{link.created_by}, sql::Value{link.created_at}, sql::Value{link.expires_at}});
    if (!rows) return fail(rows.error());
    if (rows->empty()) return fail(std::string(sql::kDatabaseError), "insert returned no id");
    return rows->front().integer(0);
  });
}

Result<std::optional<portal::MagicLink>> SqlMagicLinkRepository::redeem(std::string_view token_hash,
                                                                        int64_t now) {
  using Answer = std::optional<portal::MagicLink>;
  return run_on<Answer>(source_, true, [&](sql::Connection& connection) -> Result<Answer> {
    // One statement: of two concurrent redemptions, only the one whose UPDATE matched wins.
    const auto rows = connection.query(
        "UPDATE portal_magic_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND "
        "expires_at > ? RETURNING " +
            std::string(kLinkColumns),
        {sql::Value{now}, sql::Value{std::string(token_hash)}, sql::Value{now}});
    if (!rows) return fail(rows.error());
    if (rows->empty()) return Answer();
    return Answer(link_from(rows->front()));
  });
}

Status SqlPortalSessionRepository::insert(const portal::PortalSession& session) {
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    const auto written = connection.execute(
        "INSERT INTO portal_sessions (" + std::string(kSessionColumns) +
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {sql::Value{session.id}, sql::Value{session.contact_jnid},
         sql::optional_value(session.magic_link_id), sql::Value{session.created_at},
         sql::Value{session.last_seen_at}, sql::Value{session.idle_expires_at},
         sql::Value{session.absolute_expires_at}, sql::optional_value(session.revoked_at)});
    if (!written) return fail(written.error());
    return {};
  });
}

Result<std::optional<portal::PortalSession>> SqlPortalSessionRepository::find(std::string_view id) {
  using Answer = std::optional<portal::PortalSession>;
  return run_on<Answer>(source_, false, [&](sql::Connection& connection) -> Result<Answer> {
    const auto rows = connection.query(
        "SELECT " + std::string(kSessionColumns) + " FROM portal_sessions WHERE id = ?",
        {sql::Value{std::string(id)}});
    if (!rows) return fail(rows.error());
    if (rows->empty()) return Answer();
    return Answer(session_from(rows->front()));
  });
}

Status SqlPortalSessionRepository::touch(std::string_view id, int64_t last_seen_at,
                                         int64_t idle_expires_at) {
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    const auto written = connection.execute(
        "UPDATE portal_sessions SET last_seen_at = ?, idle_expires_at = ? WHERE id = ? AND "
        "revoked_at IS NULL",
        {sql::Value{last_seen_at}, sql::Value{idle_expires_at}, sql::Value{std::string(id)}});
    if (!written) return fail(written.error());
    return {};
  });
}

Result<bool> SqlPortalSessionRepository::revoke(std::string_view id, int64_t at) {
  return run_on<bool>(source_, true, [&](sql::Connection& connection) -> Result<bool> {
    const auto written = connection.execute(
        "UPDATE portal_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        {sql::Value{at}, sql::Value{std::string(id)}});
    if (!written) return fail(written.error());
    return *written > 0;
  });
}

std::unique_ptr<portal::MagicLinkRepository> make_magic_link_repository(Database& database) {
  return std::make_unique<SqlMagicLinkRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

std::unique_ptr<portal::PortalSessionRepository> make_portal_session_repository(
    Database& database) {
  return std::make_unique<SqlPortalSessionRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

}  // namespace gep::store

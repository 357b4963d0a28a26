#include "store/repos/login_attempt_repository.h"

#include <algorithm>

#include "store/database.h"

namespace gep::store {

Status SqlLoginAttemptRepository::record(const std::string& username, const std::string& ip,
                                         bool succeeded, int64_t at) {
  return source_->run(false, [&](sql::Connection& connection) -> Status {
    const auto inserted = connection.execute(
        "INSERT INTO login_attempts (username, ip, succeeded, attempted_at) VALUES (?, ?, ?, ?)",
        {sql::Value{username.substr(0, 128)}, sql::Value{ip.substr(0, 64)},
         sql::boolean_value(succeeded), sql::Value{at}});
    if (!inserted) return fail(inserted.error());
    return {};
  });
}

Result<std::vector<int64_t>> SqlLoginAttemptRepository::failures_for_username(
    const std::string& username, int64_t since, int64_t limit) {
  // Ids, not times, order a success against failures in the same second.
  return times(
      "SELECT attempted_at FROM login_attempts WHERE username = ? AND succeeded = ? AND "
      "attempted_at >= ? AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE username = "
      "? AND succeeded = ?), 0) ORDER BY attempted_at DESC, id DESC LIMIT ?",
      {sql::Value{username.substr(0, 128)}, sql::boolean_value(false), sql::Value{since},
       sql::Value{username.substr(0, 128)}, sql::boolean_value(true),
       sql::Value{std::clamp<int64_t>(limit, 1, 10000)}});
}

Result<std::vector<int64_t>> SqlLoginAttemptRepository::failures_for_ip(const std::string& ip,
                                                                        int64_t since,
                                                                        int64_t limit) {
  return times(
      "SELECT attempted_at FROM login_attempts WHERE ip = ? AND succeeded = ? AND attempted_at "
      ">= ? ORDER BY attempted_at DESC, id DESC LIMIT ?",
      {sql::Value{ip.substr(0, 64)}, sql::boolean_value(false), sql::Value{since},
       sql::Value{std::clamp<int64_t>(limit, 1, 10000)}});
}

Result<int64_t> SqlLoginAttemptRepository::delete_before(int64_t before) {
  return run_on<int64_t>(*source_, false, [&](sql::Connection& connection) -> Result<int64_t> {
    return connection.execute("DELETE FROM login_attempts WHERE attempted_at < ?",
                              {sql::Value{before}});
  });
}

Result<std::vector<int64_t>> SqlLoginAttemptRepository::times(const std::string& sql,
                                                              std::vector<sql::Value> values) {
  using Times = std::vector<int64_t>;
  return run_on<Times>(*source_, false, [&](sql::Connection& connection) -> Result<Times> {
    const auto rows = connection.query(sql, values);
    if (!rows) return fail(rows.error());
    Times found;
    found.reserve(rows->size());
    for (const auto& row : *rows) found.push_back(row.integer(0));
    return found;
  });
}

std::unique_ptr<auth::LoginAttemptRepository> make_login_attempt_repository(Database& database) {
  return std::make_unique<SqlLoginAttemptRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

}  // namespace gep::store

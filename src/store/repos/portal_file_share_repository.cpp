#include "store/repos/portal_file_share_repository.h"

#include "store/database.h"

namespace gep::store {

Result<std::map<std::string, bool>> SqlFileShareRepository::overrides_for_job(
    std::string_view job_jnid) {
  using Answer = std::map<std::string, bool>;
  return run_on<Answer>(source_, false, [&](sql::Connection& connection) -> Result<Answer> {
    const auto rows = connection.query(
        "SELECT jnid, portal_shareable FROM files WHERE job_jnid = ? AND portal_shareable IS NOT "
        "NULL",
        {sql::Value{std::string(job_jnid)}});
    if (!rows) return fail(rows.error());
    Answer overrides;
    for (const auto& row : *rows) overrides[row.text(0)] = row.boolean(1);
    return overrides;
  });
}

Result<bool> SqlFileShareRepository::set_override(std::string_view file_jnid,
                                                  std::optional<bool> shared) {
  return run_on<bool>(source_, true, [&](sql::Connection& connection) -> Result<bool> {
    const auto written =
        connection.execute("UPDATE files SET portal_shareable = ? WHERE jnid = ?",
                           {shared ? sql::boolean_value(*shared) : sql::null_value(),
                            sql::Value{std::string(file_jnid)}});
    if (!written) return fail(written.error());
    return *written > 0;
  });
}

std::unique_ptr<portal::FileShareRepository> make_file_share_repository(Database& database) {
  return std::make_unique<SqlFileShareRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

}  // namespace gep::store

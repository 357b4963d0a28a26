#include <array>

#include "store/migrations/migration.h"

namespace gep::store::migrations {
namespace {

const std::array<Migration, 4>& table() {
  // Function-local so that it is built after the SQL constants of the other files.
  static const std::array<Migration, 4> migrations{{
      {1, "initial schema", kInitialSqlite, kInitialPostgres},
      {2, "evaluation history columns", kEvaluationsSqlite, kEvaluationsPostgres},
      {3, "leaner import tables", kImportIndexesSqlite, kImportIndexesPostgres},
      {4, "sync log repairs", kSyncRepairsSqlite, kSyncRepairsPostgres},
  }};
  return migrations;
}

}  // namespace

std::span<const Migration> all_migrations() {
  return table();
}

int latest_version() {
  return table().back().version;
}

}  // namespace gep::store::migrations

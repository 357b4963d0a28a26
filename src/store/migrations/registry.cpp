#include <array>

#include "store/migrations/migration.h"

namespace gep::store::migrations {
namespace {

const std::array<Migration, 7>& table() {
  // Function-local so that it is built after the SQL constants of the other files.
  static const std::array<Migration, 7> migrations{{
      {1, "initial schema", kInitialSqlite, kInitialPostgres},
      {2, "evaluation history columns", kEvaluationsSqlite, kEvaluationsPostgres},
      {3, "leaner import tables", kImportIndexesSqlite, kImportIndexesPostgres},
      {4, "sync log repairs", kSyncRepairsSqlite, kSyncRepairsPostgres},
      {5, "list sort keys and change counters", kListKeysSqlite, kListKeysPostgres},
      {6, "search indexes", kSearchIndexesSqlite, kSearchIndexesPostgres},
      {7, "risk list job sorts", kRiskJobSortsSqlite, kRiskJobSortsPostgres},
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

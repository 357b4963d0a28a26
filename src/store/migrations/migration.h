#pragma once
// Versioned schema migrations, compiled into the binary (nothing is read from disk at run time).
// Each has its own SQL per backend; versions are consecutive from 1. A migration, once released,
// is never edited: a change is a new migration.
//
// Schema conventions, both backends: every timestamp is a BIGINT of unix seconds, UTC (JobNimbus
// speaks unix seconds; one integer type sorts, compares and indexes the same on SQLite and
// PostgreSQL; the API layer formats ISO 8601). JSON is kept as TEXT, byte for byte as received
// (jsonb would reorder keys, and "did the record change" compares the raw text). Booleans are
// BOOLEAN on PostgreSQL and 0/1 INTEGER on SQLite.
#include <span>
#include <string_view>

#include "store/sql/connection.h"

namespace gep::store::migrations {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sqlite_sql;
  std::string_view postgres_sql;

  std::string_view sql_for(sql::Dialect dialect) const {
    return dialect == sql::Dialect::postgres ? postgres_sql : sqlite_sql;
  }
};

// Every migration this binary knows, in version order.
std::span<const Migration> all_migrations();
int latest_version();

// Defined in one file per migration and backend.
extern const std::string_view kInitialSqlite;
extern const std::string_view kInitialPostgres;
extern const std::string_view kEvaluationsSqlite;
extern const std::string_view kEvaluationsPostgres;
extern const std::string_view kImportIndexesSqlite;
extern const std::string_view kImportIndexesPostgres;
extern const std::string_view kSyncRepairsSqlite;
extern const std::string_view kSyncRepairsPostgres;
extern const std::string_view kListKeysSqlite;
extern const std::string_view kListKeysPostgres;
extern const std::string_view kSearchIndexesSqlite;
extern const std::string_view kSearchIndexesPostgres;
extern const std::string_view kRiskJobSortsSqlite;
extern const std::string_view kRiskJobSortsPostgres;

}  // namespace gep::store::migrations

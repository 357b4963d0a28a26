#pragma once
// The storage facade `gep` opens once per process: SQLite (embedded, the default) or PostgreSQL,
// chosen by DATABASE_URL. It owns the connection pool, runs migrations, answers health probes and
// hands out the repositories (see domain/data_store.h for units of work).
//
// Time is stored as BIGINT unix seconds, UTC, everywhere (see migrations/migration.h); the API
// layer formats ISO 8601.
#include <functional>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "domain/data_store.h"
#include "store/change_watch.h"
#include "store/migrations/migrator.h"
#include "store/sql/connection.h"
#include "store/sql/pool.h"

namespace gep::store {

using migrations::MigrationReport;

struct DatabaseOptions {
  DatabaseKind kind = DatabaseKind::sqlite;
  std::string sqlite_path;   // kind == sqlite; its directory is created when missing
  std::string postgres_url;  // kind == postgres: postgres://user:pass@host:port/db[?options]
  int pool_size = 8;
  int sqlite_busy_timeout_ms = 5000;
  int sqlite_cache_mb = 16;
  // The clock of stored timestamps: the system clock when null (on PostgreSQL, the server's: see
  // store/server_clock.h). Must outlive the Database.
  const Clock* clock = nullptr;
  bool server_clock = false;  // PostgreSQL: the server's clock even when `clock` is set (tests)
};

DatabaseOptions database_options(const Config& config);

class SqlRepositories;
class PooledSource;

class Database final : public domain::DataStore {
 public:
  ~Database() override;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  std::string backend_name() const;  // "sqlite" | "postgres"
  sql::Dialect dialect() const { return dialect_; }

  Result<MigrationReport> migrate();
  // A round trip to the database (GET /api/v1/health).
  Status ping();
  // One round trip on one connection that also reads the applied schema version (health).
  Result<int> ping_schema_version();
  // The applied schema version: 0 for an empty database, -1 when it cannot be read (health
  // pings first, so that case has already been reported).
  int schema_version();
  static int latest_schema_version();

  domain::JobRepository& jobs() override;
  domain::ContactRepository& contacts() override;
  domain::JobContactRepository& job_contacts() override;
  domain::FileRepository& files() override;
  domain::ActivityRepository& activities() override;
  domain::SyncStateRepository& sync_state() override;
  domain::SyncLogRepository& sync_logs() override;
  domain::OutboxRepository& outbox() override;
  domain::ConflictRepository& conflicts() override;
  domain::QcCheckRepository& qc_checks() override;
  domain::RiskSnapshotRepository& risk_snapshots() override;
  domain::WorkflowRepository& workflows() override;
  domain::EvaluationInputRepository& evaluation_inputs() override;
  // From memory while watch_changes() runs; otherwise one read of change_counters.
  Result<std::string> data_version(std::initializer_list<std::string_view> tables) override;
  // For a long-running process (gep serve): keeps the tables' versions in memory, current with
  // every process's commits (store/change_watch.h), so a cached list answer is checked without a
  // round trip. Fails when the watch's connection cannot be opened; the caller may go on without.
  Status watch_changes();

  Status in_transaction(const std::function<Status(domain::Repositories&)>& work) override;
  TimePoint stored_time() const override { return clock_.now(); }

  // For store code of later issues (outbox, users, ...) and for tests.
  sql::Pool& pool() { return *pool_; }
  const Clock& clock() const { return clock_; }
  const sql::TableVersions& table_versions() const { return *versions_; }
  // A connection outside the pool, e.g. to hold a PostgreSQL advisory lock for a long time.
  Result<std::unique_ptr<sql::Connection>> open_dedicated_connection() {
    return pool_->open_dedicated();
  }

 private:
  friend Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options);
  Database(sql::Dialect dialect, std::unique_ptr<sql::TableVersions> versions,
           std::unique_ptr<sql::Pool> pool, const Clock* clock, std::unique_ptr<Clock> owned_clock);

  sql::Dialect dialect_;
  std::unique_ptr<Clock> owned_clock_;
  const Clock& clock_;
  // Before pool_: every pooled connection reports its commits to it.
  std::unique_ptr<sql::TableVersions> versions_;
  std::unique_ptr<sql::Pool> pool_;
  std::unique_ptr<ChangeWatch> watch_;  // after pool_: stopped before the pool closes
  std::unique_ptr<PooledSource> source_;
  std::unique_ptr<SqlRepositories> repositories_;
};

// Opens (and for SQLite creates) the database and checks one connection; never logs a password.
Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options);
Result<std::unique_ptr<Database>> open_database(const Config& config);
// open_database, then migrate to the latest schema: what every command that uses the store needs.
Result<std::unique_ptr<Database>> open_migrated_database(const Config& config);

}  // namespace gep::store

#include "store/migrations/migrator.h"

#include "core/logging.h"
#include "store/migrations/migration.h"

namespace gep::store::migrations {
namespace {

// Arbitrary but fixed: every gep instance on one PostgreSQL database contends for this key.
constexpr int64_t kMigrationLockKey = 0x67657000'6d696772;  // "gep\0migr"

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

// Holds the PostgreSQL session lock for the duration of a migrate run.
class AdvisoryLock {
 public:
  static Result<AdvisoryLock> take(sql::Connection& connection) {
    if (connection.dialect() != sql::Dialect::postgres) return AdvisoryLock(nullptr);
    const auto locked =
        connection.query("SELECT pg_advisory_lock(?)", {sql::Value{kMigrationLockKey}});
    if (!locked) return fail(locked.error());
    return AdvisoryLock(&connection);
  }
  AdvisoryLock(AdvisoryLock&& other) noexcept : connection_(other.connection_) {
    other.connection_ = nullptr;
  }
  AdvisoryLock& operator=(AdvisoryLock&&) = delete;
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;
  ~AdvisoryLock() {
    if (connection_ == nullptr) return;
    const auto unlocked =
        connection_->query("SELECT pg_advisory_unlock(?)", {sql::Value{kMigrationLockKey}});
    if (!unlocked)
      log::warn("migrate: releasing the advisory lock failed: {}", unlocked.error().message);
  }

 private:
  explicit AdvisoryLock(sql::Connection* connection) : connection_(connection) {}
  sql::Connection* connection_;
};

Error too_new(int found) {
  return Error{std::string(kSchemaTooNew), "database schema version " + std::to_string(found) +
                                               " is newer than this gep (knows up to " +
                                               std::to_string(latest_version()) + "); upgrade gep"};
}

// Assumes schema_migrations exists.
Result<int> applied_version(sql::Connection& connection) {
  const auto rows = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!rows) return fail(rows.error());
  return static_cast<int>(rows->empty() ? 0 : rows->front().integer(0));
}

// Applies one migration unless another instance did meanwhile; answers whether it applied it.
Result<bool> apply(sql::Connection& connection, const Migration& migration, const Clock& clock) {
  auto transaction = sql::Transaction::begin(connection);
  if (!transaction) return fail(transaction.error());
  // Re-read inside the transaction: SQLite's BEGIN IMMEDIATE and PostgreSQL's advisory lock
  // make this the authoritative answer.
  const auto version = applied_version(connection);
  if (!version) return fail(version.error());
  if (*version >= migration.version) return false;
  if (*version != migration.version - 1) {
    return fail("migration", "database is at version " + std::to_string(*version) +
                                 ", cannot apply migration " + std::to_string(migration.version));
  }
  if (const Status ran = connection.execute_script(migration.sql_for(connection.dialect())); !ran) {
    return fail("migration", "migration " + std::to_string(migration.version) + " (" +
                                 std::string(migration.name) + ") failed: " + ran.error().message);
  }
  const auto recorded = connection.execute(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
      {sql::Value{int64_t{migration.version}}, sql::Value{std::string(migration.name)},
       sql::Value{to_unix_seconds(clock.now())}});
  if (!recorded) return fail(recorded.error());
  if (const Status committed = transaction->commit(); !committed) return fail(committed.error());
  return true;
}

}  // namespace

Result<int> current_version(sql::Connection& connection) {
  const auto exists =
      connection.dialect() == sql::Dialect::postgres
          ? connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
          : connection.query(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                "'schema_migrations'");
  if (!exists) return fail(exists.error());
  if (exists->empty() || !exists->front().boolean(0)) return 0;
  return applied_version(connection);
}

Result<MigrationReport> migrate(sql::Connection& connection, const Clock& clock) {
  const auto lock = AdvisoryLock::take(connection);
  if (!lock) return fail(lock.error());
  if (const auto created = connection.execute(kCreateVersionTable); !created) {
    return fail(created.error());
  }
  const auto start = applied_version(connection);
  if (!start) return fail(start.error());
  if (*start > latest_version()) return fail(too_new(*start));

  MigrationReport report{*start, *start, {}};
  for (const Migration& migration : all_migrations()) {
    if (migration.version <= report.to_version) continue;
    const auto applied = apply(connection, migration, clock);
    if (!applied) return fail(applied.error());
    if (*applied) {
      report.applied.push_back(migration.version);
      log::info("migrate: applied {} ({})", migration.version, migration.name);
    }
    report.to_version = migration.version;
  }
  return report;
}

}  // namespace gep::store::migrations

#include "store/database.h"

#include <filesystem>

#include "core/logging.h"
#include "core/url.h"
#include "store/migrations/migration.h"
#include "store/postgres/pg_connection.h"
#include "store/repos/sql_repositories.h"
#include "store/server_clock.h"
#include "store/sqlite/sqlite_connection.h"

namespace gep::store {
namespace {

Status create_parent_directory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return {};
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    return fail(std::string(sql::kDatabaseError),
                "sqlite: cannot create directory " + parent.string() + ": " + error.message());
  }
  return {};
}

// "host:port/db" of a PostgreSQL URL: enough to tell which server, never the credentials.
std::string describe_postgres(const std::string& url) {
  const auto parsed = parse_url(url);
  if (!parsed) return "(unparsed URL)";
  const std::string path = parsed->path_and_query.substr(0, parsed->path_and_query.find('?'));
  return parsed->host + (parsed->port != 0 ? ":" + std::to_string(parsed->port) : "") + path;
}

sql::ConnectionFactory driver_for(const DatabaseOptions& options) {
  if (options.kind == DatabaseKind::postgres) {
    return [url = options.postgres_url]() -> Result<std::unique_ptr<sql::Connection>> {
      auto connection = postgres::PgConnection::connect(url, {});
      if (!connection) return fail(connection.error());
      return std::unique_ptr<sql::Connection>(std::move(connection).value());
    };
  }
  return [path = options.sqlite_path, timeout = options.sqlite_busy_timeout_ms,
          cache_mb = options.sqlite_cache_mb]() -> Result<std::unique_ptr<sql::Connection>> {
    auto connection =
        sqlite::SqliteConnection::open(path, {.busy_timeout_ms = timeout, .cache_mb = cache_mb});
    if (!connection) return fail(connection.error());
    return std::unique_ptr<sql::Connection>(std::move(connection).value());
  };
}

// Every connection the pool opens reports its commits to `versions`.
sql::ConnectionFactory factory_for(const DatabaseOptions& options, sql::TableVersions& versions) {
  return [open = driver_for(options),
          observer = &versions]() -> Result<std::unique_ptr<sql::Connection>> {
    auto connection = open();
    if (connection) (*connection)->observe_commits(observer);
    return connection;
  };
}

// Another process's write reaches a SQLite watch only by its reads of the counters, so it reads
// often (a statement of microseconds); PostgreSQL's notifications carry changes within a
// millisecond, and its reads only catch what a lost notification would miss.
ChangeWatch::Options watch_options(sql::Dialect dialect) {
  using std::chrono::milliseconds;
  if (dialect == sql::Dialect::postgres) return {.reconcile_every = milliseconds(1000)};
  return {.reconcile_every = milliseconds(50)};
}

}  // namespace

DatabaseOptions database_options(const Config& config) {
  DatabaseOptions options;
  options.kind = config.database_kind;
  options.sqlite_path = config.sqlite_path;
  options.postgres_url = config.database_kind == DatabaseKind::postgres ? config.database_url : "";
  options.pool_size = config.database_pool_size;
  options.sqlite_cache_mb = config.sqlite_cache_mb;
  return options;
}

Database::Database(sql::Dialect dialect, std::unique_ptr<sql::TableVersions> versions,
                   std::unique_ptr<sql::Pool> pool, const Clock* clock,
                   std::unique_ptr<Clock> owned_clock)
    : dialect_(dialect),
      owned_clock_(std::move(owned_clock)),
      clock_(owned_clock_ != nullptr ? *owned_clock_ : *clock),
      versions_(std::move(versions)),
      pool_(std::move(pool)),
      source_(std::make_unique<PooledSource>(*pool_, clock_, *versions_)),
      repositories_(std::make_unique<SqlRepositories>(*source_)) {}

Database::~Database() = default;

std::string Database::backend_name() const {
  return dialect_ == sql::Dialect::postgres ? "postgres" : "sqlite";
}

Result<MigrationReport> Database::migrate() {
  auto lease = pool_->acquire();
  if (!lease) return fail(lease.error());
  return migrations::migrate(**lease, clock_);
}

Status Database::ping() {
  auto lease = pool_->acquire();
  if (!lease) return fail(lease.error());
  const auto answered = (*lease)->query("SELECT 1");
  if (!answered) return fail(answered.error());
  return {};
}

Result<int> Database::ping_schema_version() {
  auto lease = pool_->acquire();
  if (!lease) return fail(lease.error());
  // One statement (one read transaction, on SQLite one pair of file locks) on a migrated store;
  // a store without the table yet is told apart by current_version.
  const auto rows = (*lease)->query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (rows && !rows->empty()) return static_cast<int>(rows->front().integer(0));
  return migrations::current_version(**lease);
}

int Database::schema_version() {
  auto lease = pool_->acquire();
  if (!lease) return -1;
  return migrations::current_version(**lease).value_or(-1);
}

int Database::latest_schema_version() {
  return migrations::latest_version();
}

domain::JobRepository& Database::jobs() {
  return repositories_->jobs();
}
domain::ContactRepository& Database::contacts() {
  return repositories_->contacts();
}
domain::JobContactRepository& Database::job_contacts() {
  return repositories_->job_contacts();
}
domain::FileRepository& Database::files() {
  return repositories_->files();
}
domain::ActivityRepository& Database::activities() {
  return repositories_->activities();
}
domain::SyncStateRepository& Database::sync_state() {
  return repositories_->sync_state();
}
domain::SyncLogRepository& Database::sync_logs() {
  return repositories_->sync_logs();
}
domain::OutboxRepository& Database::outbox() {
  return repositories_->outbox();
}
domain::ConflictRepository& Database::conflicts() {
  return repositories_->conflicts();
}
domain::QcCheckRepository& Database::qc_checks() {
  return repositories_->qc_checks();
}
domain::RiskSnapshotRepository& Database::risk_snapshots() {
  return repositories_->risk_snapshots();
}
domain::WorkflowRepository& Database::workflows() {
  return repositories_->workflows();
}
domain::EvaluationInputRepository& Database::evaluation_inputs() {
  return repositories_->evaluation_inputs();
}

Result<std::string> Database::data_version(std::initializer_list<std::string_view> tables) {
  if (versions_->live()) return versions_->token(tables);
  return repositories_->data_version(tables);
}

Status Database::watch_changes() {
  if (watch_ != nullptr) return {};
  auto watch = std::make_unique<ChangeWatch>(
      [pool = pool_.get()] { return pool->open_dedicated(); }, *versions_, watch_options(dialect_));
  if (const Status started = watch->start(); !started) return started;
  watch_ = std::move(watch);
  return {};
}

Status Database::in_transaction(const std::function<Status(domain::Repositories&)>& work) {
  auto lease = pool_->acquire();
  if (!lease) return fail(lease.error());
  auto transaction = sql::Transaction::begin(**lease);
  if (!transaction) return fail(transaction.error());
  BoundSource source(**lease, clock_, source_->totals());
  SqlRepositories repositories(source);
  if (const Status done = work(repositories); !done) return done;
  return transaction->commit();
}

Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options) {
  const bool postgres = options.kind == DatabaseKind::postgres;
  if (!postgres) {
    if (options.sqlite_path.empty()) return fail("validation", "sqlite: no database file given");
    if (const Status created = create_parent_directory(options.sqlite_path); !created) {
      return fail(created.error());
    }
  }
  auto versions = std::make_unique<sql::TableVersions>();
  auto pool = std::make_unique<sql::Pool>(factory_for(options, *versions),
                                          static_cast<size_t>(std::max(options.pool_size, 1)));
  {
    // Connect once now, so that a wrong URL or an unwritable file stops start-up with its reason.
    auto probe = pool->acquire();
    if (!probe) return fail(probe.error());
  }
  const auto dialect = postgres ? sql::Dialect::postgres : sql::Dialect::sqlite;
  log::info("database: {} {}", postgres ? "postgres" : "sqlite",
            postgres ? describe_postgres(options.postgres_url) : options.sqlite_path);
  // The clock the Database owns, when it does not use the one it was given.
  std::unique_ptr<Clock> owned_clock;
  if (postgres && (options.clock == nullptr || options.server_clock)) {
    auto connection = pool->open_dedicated();
    if (!connection) return fail(connection.error());
    owned_clock = std::make_unique<ServerClock>(std::move(connection.value()));
  } else if (options.clock == nullptr) {
    owned_clock = std::make_unique<SystemClock>();
  }
  return std::unique_ptr<Database>(new Database(dialect, std::move(versions), std::move(pool),
                                                options.clock, std::move(owned_clock)));
}

Result<std::unique_ptr<Database>> open_database(const Config& config) {
  return open_database(database_options(config));
}

Result<std::unique_ptr<Database>> open_migrated_database(const Config& config) {
  auto database = open_database(config);
  if (!database) return fail(database.error());
  if (const auto migrated = (*database)->migrate(); !migrated) return fail(migrated.error());
  return database;
}

}  // namespace gep::store

#include "store/sqlite/sqlite_connection.h"

#include <algorithm>
#include <cctype>

namespace gep::store::sqlite {
namespace {

std::string_view error_code_for(int code) {
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return sql::kConstraintError;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return sql::kBusyError;
    default:
      return sql::kDatabaseError;
  }
}

bool only_whitespace(const char* text) {
  for (; text != nullptr && *text != '\0'; ++text) {
    if (std::isspace(static_cast<unsigned char>(*text)) == 0 && *text != ';') return false;
  }
  return true;
}

sql::Value read_column(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return sql::Value{int64_t{sqlite3_column_int64(statement, column)}};
    case SQLITE_FLOAT:
      return sql::Value{sqlite3_column_double(statement, column)};
    case SQLITE_NULL:
      return sql::Value{};
    default: {
      // TEXT or BLOB: ask for the bytes after the pointer, as the SQLite docs require.
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      const auto size = static_cast<size_t>(sqlite3_column_bytes(statement, column));
      return sql::Value{bytes == nullptr ? std::string() : std::string(bytes, size)};
    }
  }
}

// Resets a statement on every path out, so that none keeps a read snapshot open.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
  ~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* statement_;
};

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path,
                                                                 const SqliteOptions& options) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int opened = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (opened != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(opened);
    sqlite3_close_v2(db);
    return fail(std::string(sql::kDatabaseError), "sqlite: cannot open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, options));

  const auto mode = connection->query("PRAGMA journal_mode=WAL");
  if (!mode) return fail(mode.error());
  if (mode->empty() || mode->front().text(0) != "wal") {
    return fail(std::string(sql::kDatabaseError), "sqlite: " + path + " cannot use WAL mode");
  }
  // synchronous=FULL: a commit is on disk when it returns, as on PostgreSQL. A write-back
  // answered 202 is in the outbox even after a power cut, and so is the mark of a delivered one
  // (NORMAL could roll either back and deliver a note twice). Imports commit thousands of rows
  // at a time, so the flush costs them little.
  // wal_autocheckpoint: a checkpoint (and its fdatasync) every ~40 MB of WAL instead of every
  // 4 MB; an import of hundreds of thousands of rows otherwise stalls on them.
  const std::string cache = "PRAGMA cache_size=-" + std::to_string(options.cache_mb * 1024);
  for (const std::string& pragma :
       {std::string("PRAGMA foreign_keys=ON"), std::string("PRAGMA synchronous=FULL"),
        std::string("PRAGMA wal_autocheckpoint=10000"), cache}) {
    if (const Status set = connection->execute_script(pragma); !set) return fail(set.error());
  }
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [text, cached] : cache_) sqlite3_finalize(cached.statement);
  sqlite3_close_v2(db_);
}

size_t SqliteConnection::max_parameters() const {
  return static_cast<size_t>(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
}

Error SqliteConnection::error(std::string_view context, int code) const {
  return Error{std::string(error_code_for(code)),
               "sqlite: " + std::string(context) + ": " + sqlite3_errmsg(db_)};
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql) {
  if (const auto found = cache_.find(sql); found != cache_.end()) {
    found->second.last_used = ++use_counter_;
    return found->second.statement;
  }
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int prepared = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement, &tail);
  if (prepared != SQLITE_OK) return fail(error("prepare", prepared));
  if (statement == nullptr || !only_whitespace(tail)) {
    sqlite3_finalize(statement);
    return fail(std::string(sql::kDatabaseError), "sqlite: expected exactly one statement");
  }
  if (cache_.size() >= options_.statement_cache_size) {
    const auto oldest = std::min_element(
        cache_.begin(), cache_.end(),
        [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; });
    if (oldest != cache_.end()) {
      sqlite3_finalize(oldest->second.statement);
      cache_.erase(oldest);
    }
  }
  cache_.emplace(std::string(sql), CachedStatement{statement, ++use_counter_});
  return statement;
}

Status SqliteConnection::bind(sqlite3_stmt* statement, std::span<const sql::Value> params) {
  const auto expected = static_cast<size_t>(sqlite3_bind_parameter_count(statement));
  if (expected != params.size()) {
    return fail(std::string(sql::kDatabaseError),
                "sqlite: statement has " + std::to_string(expected) + " placeholders but " +
                    std::to_string(params.size()) + " values were given");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    const sql::Value& value = params[i];
    int bound = SQLITE_OK;
    if (const auto* number = std::get_if<int64_t>(&value)) {
      bound = sqlite3_bind_int64(statement, index, *number);
    } else if (const auto* real = std::get_if<double>(&value)) {
      bound = sqlite3_bind_double(statement, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      // The parameters outlive the step: SQLite need not copy them.
      bound = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC,
                                  SQLITE_UTF8);
    } else {
      bound = sqlite3_bind_null(statement, index);
    }
    if (bound != SQLITE_OK) return fail(error("bind", bound));
  }
  return {};
}

Status SqliteConnection::run(std::string_view sql, std::span<const sql::Value> params,
                             sql::Rows* rows) {
  auto statement = prepare(sql);
  if (!statement) return fail(statement.error());
  const ResetOnExit reset(*statement);
  if (const Status bound = bind(*statement, params); !bound) return bound;
  const int columns = sqlite3_column_count(*statement);
  for (;;) {
    const int stepped = sqlite3_step(*statement);
    if (stepped == SQLITE_DONE) return {};
    if (stepped != SQLITE_ROW) return fail(error("step", stepped));
    if (rows == nullptr) continue;
    std::vector<sql::Value> cells;
    cells.reserve(static_cast<size_t>(columns));
    for (int column = 0; column < columns; ++column)
      cells.push_back(read_column(*statement, column));
    rows->emplace_back(std::move(cells));
  }
}

Result<int64_t> SqliteConnection::do_execute(std::string_view sql,
                                             std::span<const sql::Value> params) {
  if (const Status ran = run(sql, params, nullptr); !ran) return fail(ran.error());
  return int64_t{sqlite3_changes64(db_)};
}

Result<sql::Rows> SqliteConnection::do_query(std::string_view sql,
                                             std::span<const sql::Value> params) {
  sql::Rows rows;
  if (const Status ran = run(sql, params, &rows); !ran) return fail(ran.error());
  return rows;
}

Status SqliteConnection::execute_script(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int result = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (result == SQLITE_OK) return {};
  const std::string detail = message != nullptr ? message : sqlite3_errstr(result);
  sqlite3_free(message);
  return fail(std::string(error_code_for(result)), "sqlite: " + detail);
}

Status SqliteConnection::begin() {
  return execute_script("BEGIN IMMEDIATE");
}
Status SqliteConnection::commit() {
  return execute_script("COMMIT");
}
Status SqliteConnection::rollback() {
  return execute_script("ROLLBACK");
}
bool SqliteConnection::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

}  // namespace gep::store::sqlite

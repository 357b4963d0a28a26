#pragma once
// SQLite driver over the C API. Every connection runs in WAL mode (readers never block the
// writer) with foreign keys on, a busy timeout instead of immediate SQLITE_BUSY, and
// synchronous=NORMAL (durable at checkpoints; a power cut can lose the last commits, never
// corrupt). Transactions start with BEGIN IMMEDIATE so two writers queue on the busy timeout
// rather than deadlocking on a read-to-write upgrade.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.h"
#include "store/sql/string_hash.h"

namespace gep::store::sqlite {

struct SqliteOptions {
  int busy_timeout_ms = 5000;
  // Each commit rewrites the index pages it touched; a cache that holds an import's hot index
  // pages saves reading them back from the WAL (SQLite's default, 2 MiB, costs an import about
  // a third of its speed).
  int cache_mb = 16;
  size_t statement_cache_size = 64;
};

class SqliteConnection final : public sql::Connection {
 public:
  // Creates the file (not its directory) when missing.
  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path,
                                                        const SqliteOptions& options);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::sqlite; }
  size_t max_parameters() const override;
  Status execute_script(std::string_view sql) override;
  Status begin() override;
  Status commit() override;
  Status rollback() override;
  bool in_transaction() const override;
  bool is_broken() const override { return false; }

 protected:
  Result<int64_t> do_execute(std::string_view sql, std::span<const sql::Value> params) override;
  Result<sql::Rows> do_query(std::string_view sql, std::span<const sql::Value> params) override;

 private:
  struct CachedStatement {
    sqlite3_stmt* statement = nullptr;
    uint64_t last_used = 0;
  };

  SqliteConnection(sqlite3* db, SqliteOptions options) : db_(db), options_(options) {}
  Result<sqlite3_stmt*> prepare(std::string_view sql);
  Status bind(sqlite3_stmt* statement, std::span<const sql::Value> params);
  Status run(std::string_view sql, std::span<const sql::Value> params, sql::Rows* rows);
  Error error(std::string_view context, int code) const;

  sqlite3* db_;
  SqliteOptions options_;
  std::unordered_map<std::string, CachedStatement, sql::StringHash, std::equal_to<>> cache_;
  uint64_t use_counter_ = 0;
};

}  // namespace gep::store::sqlite

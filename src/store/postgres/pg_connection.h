#pragma once
// PostgreSQL driver over libpq. Statements are prepared once per connection (keyed by their SQL
// text) and executed with PQexecPrepared; every value travels as a separate text-format
// parameter whose type the server infers from its context, so no value is ever quoted into SQL.
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.h"
#include "store/sql/string_hash.h"

namespace gep::store::postgres {

struct PgOptions {
  size_t statement_cache_size = 64;
};

class PgConnection final : public sql::Connection {
 public:
  // `conninfo` is a postgres:// URL or a key=value string, as libpq accepts.
  static Result<std::unique_ptr<PgConnection>> connect(const std::string& conninfo,
                                                       const PgOptions& options);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::postgres; }
  size_t max_parameters() const override { return 65535; }
  Status execute_script(std::string_view sql) override;
  Status begin() override;
  Status commit() override;
  Status rollback() override;
  bool in_transaction() const override;
  bool is_broken() const override;
  Status listen(std::string_view channel) override;
  int notification_socket() const override { return PQsocket(conn_); }
  Result<std::vector<std::string>> take_notifications() override;

 protected:
  Result<int64_t> do_execute(std::string_view sql, std::span<const sql::Value> params) override;
  Result<sql::Rows> do_query(std::string_view sql, std::span<const sql::Value> params) override;

 private:
  struct PreparedStatement {
    std::string name;
    size_t placeholders = 0;
    uint64_t last_used = 0;
  };
  using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

  PgConnection(PGconn* conn, PgOptions options) : conn_(conn), options_(options) {}
  Result<const PreparedStatement*> prepare(std::string_view sql);
  Result<ResultPtr> run(std::string_view sql, std::span<const sql::Value> params);
  Result<ResultPtr> run_simple(std::string_view sql);
  void evict_oldest();

  PGconn* conn_;
  PgOptions options_;
  std::unordered_map<std::string, PreparedStatement, sql::StringHash, std::equal_to<>> cache_;
  uint64_t use_counter_ = 0;
  uint64_t next_statement_ = 0;
};

}  // namespace gep::store::postgres

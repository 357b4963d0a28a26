#pragma once
// The one SQL abstraction every repository is written against. Statements use `?` placeholders
// (the PostgreSQL driver renumbers them to $n) and values are always bound, never concatenated.
// A Connection is used by one thread at a time; the Pool hands them out.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sql/value.h"

namespace gep::store::sql {

enum class Dialect { sqlite, postgres };

// Error codes drivers answer with, beside the driver's own message.
inline constexpr std::string_view kDatabaseError = "database";
inline constexpr std::string_view kConstraintError = "constraint";  // unique/foreign key/check
inline constexpr std::string_view kBusyError = "busy";              // lock timeout, deadlock

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;
  // The most parameters one statement may bind (SQLite 32766, PostgreSQL 65535).
  virtual size_t max_parameters() const = 0;

  // Runs one statement; answers the rows it changed.
  Result<int64_t> execute(std::string_view sql, std::span<const Value> params) {
    return do_execute(sql, params);
  }
  Result<int64_t> execute(std::string_view sql, std::initializer_list<Value> params = {}) {
    return do_execute(sql, std::span<const Value>(params.begin(), params.size()));
  }
  Result<Rows> query(std::string_view sql, std::span<const Value> params) {
    return do_query(sql, params);
  }
  Result<Rows> query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return do_query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // Several statements without parameters: migrations.
  virtual Status execute_script(std::string_view sql) = 0;

  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;
  virtual bool in_transaction() const = 0;
  // True when the connection is unusable (server gone); the pool then drops it.
  virtual bool is_broken() const = 0;

  // A write to `table` that changes what its listings count: the table's change counter
  // (store/repos/list_totals.h) moves with the commit, or at once outside a transaction.
  // Counters move in name order just before COMMIT, so two writers never wait on each other's
  // counter rows in a cycle and each row is held only for the commit.
  Status note_change(std::string_view table);
  // Called by Transaction: bumps the noted counters (commit) or forgets them (rollback).
  Status flush_changes();
  void forget_changes() { pending_changes_.clear(); }

 protected:
  virtual Result<int64_t> do_execute(std::string_view sql, std::span<const Value> params) = 0;
  virtual Result<Rows> do_query(std::string_view sql, std::span<const Value> params) = 0;

 private:
  std::vector<std::string> pending_changes_;
};

// Rolls back unless committed: the usual way to open a transaction.
class Transaction {
 public:
  static Result<Transaction> begin(Connection& connection);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}
  Connection* connection_;  // null once committed, rolled back or moved from
};

}  // namespace gep::store::sql

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

// Told of every commit that noted changes (Connection::note_change), after it committed.
class CommitObserver {
 public:
  virtual ~CommitObserver() = default;
  virtual void committed(std::span<const std::string> tables) = 0;
};

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
  // counter rows in a cycle and each row is held only for the commit. On PostgreSQL the commit
  // also notifies every listening instance (store/change_watch.h).
  Status note_change(std::string_view table);
  // Called by Transaction: bumps the noted counters (before COMMIT), tells the observer once
  // committed, or forgets them (rollback).
  Status flush_changes();
  void report_committed();
  void forget_changes() {
    pending_changes_.clear();
    flushed_changes_.clear();
  }
  // Who hears of this connection's committed changes (the process's TableVersions); may be null.
  void observe_commits(CommitObserver* observer) { observer_ = observer; }

  // Change notifications between instances (PostgreSQL LISTEN/NOTIFY). A driver without them
  // has no socket to wait on (-1) and never has a notification.
  virtual Status listen(std::string_view /*channel*/) { return {}; }
  virtual int notification_socket() const { return -1; }
  // The payloads received since the last call; reads what the socket has without blocking.
  virtual Result<std::vector<std::string>> take_notifications() {
    return std::vector<std::string>{};
  }

 protected:
  virtual Result<int64_t> do_execute(std::string_view sql, std::span<const Value> params) = 0;
  virtual Result<Rows> do_query(std::string_view sql, std::span<const Value> params) = 0;

 private:
  std::vector<std::string> pending_changes_;
  std::vector<std::string> flushed_changes_;
  CommitObserver* observer_ = nullptr;
};

// The channel change notifications travel on; each payload is a table name.
inline constexpr std::string_view kChangeChannel = "gep_changes";

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

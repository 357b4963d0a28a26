#include <algorithm>

#include "core/logging.h"
#include "store/sql/connection.h"

namespace gep::store::sql {

Status Connection::note_change(std::string_view table) {
  if (in_transaction()) {
    pending_changes_.emplace_back(table);
    return {};
  }
  pending_changes_ = {std::string(table)};
  if (const Status flushed = flush_changes(); !flushed) return flushed;
  report_committed();  // outside a transaction each statement commits at once
  return {};
}

Status Connection::flush_changes() {
  std::vector<std::string> tables = std::move(pending_changes_);
  pending_changes_.clear();
  std::sort(tables.begin(), tables.end());
  tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
  for (const auto& table : tables) {
    const auto bumped = execute(
        "INSERT INTO change_counters (table_name, generation) VALUES (?, 1) "
        "ON CONFLICT (table_name) DO UPDATE SET generation = change_counters.generation + 1",
        {Value{table}});
    if (!bumped) return fail(bumped.error());
    if (dialect() == Dialect::postgres) {
      const auto notified =
          query("SELECT pg_notify(?, ?)", {Value{std::string(kChangeChannel)}, Value{table}});
      if (!notified) return fail(notified.error());
    }
  }
  flushed_changes_ = std::move(tables);
  return {};
}

void Connection::report_committed() {
  if (observer_ != nullptr && !flushed_changes_.empty()) observer_->committed(flushed_changes_);
  flushed_changes_.clear();
}

Result<Transaction> Transaction::begin(Connection& connection) {
  connection.forget_changes();
  if (const Status started = connection.begin(); !started) return fail(started.error());
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept : connection_(other.connection_) {
  other.connection_ = nullptr;
}

Transaction::~Transaction() {
  if (connection_ == nullptr) return;
  connection_->forget_changes();
  if (!connection_->in_transaction()) return;
  if (const Status rolled_back = connection_->rollback(); !rolled_back) {
    log::warn("database: rollback failed: {}", rolled_back.error().message);
  }
}

Status Transaction::commit() {
  Connection* const connection = connection_;
  connection_ = nullptr;
  if (connection == nullptr) return fail("internal", "transaction already finished");
  if (const Status bumped = connection->flush_changes(); !bumped) {
    if (connection->in_transaction()) (void)connection->rollback();
    return bumped;
  }
  const Status committed = connection->commit();
  // Reported also when COMMIT failed: a connection lost during COMMIT may have committed, and a
  // version moved for nothing costs only a cache miss.
  connection->report_committed();
  if (!committed && connection->in_transaction()) (void)connection->rollback();
  return committed;
}

}  // namespace gep::store::sql

#include "core/logging.h"
#include "store/sql/connection.h"

namespace gep::store::sql {

Result<Transaction> Transaction::begin(Connection& connection) {
  if (const Status started = connection.begin(); !started) return fail(started.error());
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept : connection_(other.connection_) {
  other.connection_ = nullptr;
}

Transaction::~Transaction() {
  if (connection_ == nullptr || !connection_->in_transaction()) return;
  if (const Status rolled_back = connection_->rollback(); !rolled_back) {
    log::warn("database: rollback failed: {}", rolled_back.error().message);
  }
}

Status Transaction::commit() {
  Connection* const connection = connection_;
  connection_ = nullptr;
  if (connection == nullptr) return fail("internal", "transaction already finished");
  const Status committed = connection->commit();
  if (!committed && connection->in_transaction()) (void)connection->rollback();
  return committed;
}

}  // namespace gep::store::sql

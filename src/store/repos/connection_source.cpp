#include "store/repos/connection_source.h"

namespace gep::store {

Status PooledSource::run(bool atomic, const std::function<Status(sql::Connection&)>& work) {
  auto lease = pool_.acquire();
  if (!lease) return fail(lease.error());
  sql::Connection& connection = **lease;
  if (!atomic) return work(connection);
  auto transaction = sql::Transaction::begin(connection);
  if (!transaction) return fail(transaction.error());
  if (const Status done = work(connection); !done) return done;
  return transaction->commit();
}

Status BoundSource::run(bool /*atomic*/, const std::function<Status(sql::Connection&)>& work) {
  if (const Status saved = connection_.execute_script("SAVEPOINT gep_call"); !saved) return saved;
  Status done = work(connection_);
  if (done) return connection_.execute_script("RELEASE SAVEPOINT gep_call");
  const Status undone = connection_.execute_script("ROLLBACK TO SAVEPOINT gep_call");
  if (undone) (void)connection_.execute_script("RELEASE SAVEPOINT gep_call");
  return done;
}

}  // namespace gep::store

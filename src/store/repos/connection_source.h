#pragma once
// Where a repository gets its connection: from the pool for each call, or the one connection of
// an open unit of work. Repositories are written once against this and work in both.
#include <functional>
#include <optional>

#include "core/clock.h"
#include "core/result.h"
#include "store/repos/list_totals.h"
#include "store/sql/connection.h"
#include "store/sql/pool.h"

namespace gep::store {

class ConnectionSource {
 public:
  virtual ~ConnectionSource() = default;
  // Runs `work` on one connection. `atomic` work applies wholly or not at all: in its own
  // transaction, or in a savepoint when a unit of work's transaction is already open.
  virtual Status run(bool atomic, const std::function<Status(sql::Connection&)>& work) = 0;
  virtual const Clock& clock() const = 0;
  // The cached list totals of this database (one per database, shared by units of work).
  virtual ListTotals& totals() = 0;
  int64_t now() const { return to_unix_seconds(clock().now()); }
};

// Each call leases a pooled connection; atomic calls run in a transaction of their own.
class PooledSource final : public ConnectionSource {
 public:
  PooledSource(sql::Pool& pool, const Clock& clock, const sql::TableVersions& versions)
      : pool_(pool), clock_(clock), totals_(versions) {}
  Status run(bool atomic, const std::function<Status(sql::Connection&)>& work) override;
  const Clock& clock() const override { return clock_; }
  ListTotals& totals() override { return totals_; }

 private:
  sql::Pool& pool_;
  const Clock& clock_;
  ListTotals totals_;
};

// Every call runs on the unit of work's connection inside a savepoint, so that a failed call
// undoes only itself and leaves the transaction usable (PostgreSQL would otherwise abort it).
class BoundSource final : public ConnectionSource {
 public:
  BoundSource(sql::Connection& connection, const Clock& clock, ListTotals& totals)
      : connection_(connection), clock_(clock), totals_(totals) {}
  Status run(bool atomic, const std::function<Status(sql::Connection&)>& work) override;
  const Clock& clock() const override { return clock_; }
  ListTotals& totals() override { return totals_; }

 private:
  sql::Connection& connection_;
  const Clock& clock_;
  ListTotals& totals_;
};

// Runs `work` (Connection& -> Result<T>) through `source` and hands its value back.
template <class T, class Work>
Result<T> run_on(ConnectionSource& source, bool atomic, Work&& work) {
  std::optional<T> value;
  const Status ran = source.run(atomic, [&](sql::Connection& connection) -> Status {
    auto result = work(connection);
    if (!result) return fail(result.error());
    value.emplace(std::move(result).value());
    return {};
  });
  if (!ran) return fail(ran.error());
  return std::move(*value);
}

}  // namespace gep::store

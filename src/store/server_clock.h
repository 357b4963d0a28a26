#pragma once
// The PostgreSQL server's clock, for the timestamps the store writes (updated_at, deleted_at) and
// the cut-offs compared against them. Several instances share one database: if each stamped rows
// with its own clock, skew between them would reopen the race between a webhook's re-fetch and
// the reconciliation's cut-off. One connection of its own answers `clock_timestamp()`; when it
// cannot, the instance's clock answers and a warning says so once.
#include <memory>
#include <mutex>

#include "core/clock.h"
#include "store/sql/connection.h"

namespace gep::store {

class ServerClock final : public Clock {
 public:
  explicit ServerClock(std::unique_ptr<sql::Connection> connection);
  TimePoint now() const override;
  void sleep_for(Duration duration) override { fallback_.sleep_for(duration); }

 private:
  mutable std::mutex mutex_;
  std::unique_ptr<sql::Connection> connection_;
  mutable SystemClock fallback_;
  mutable bool warned_ = false;
};

}  // namespace gep::store

#include "store/server_clock.h"

#include "core/logging.h"

namespace gep::store {

ServerClock::ServerClock(std::unique_ptr<sql::Connection> connection)
    : connection_(std::move(connection)) {}

TimePoint ServerClock::now() const {
  const std::lock_guard lock(mutex_);
  const auto rows =
      connection_->query("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint");
  if (rows && !rows->empty()) {
    return TimePoint{std::chrono::duration_cast<TimePoint::duration>(
        std::chrono::microseconds{rows->front().integer(0)})};
  }
  if (!std::exchange(warned_, true)) {
    log::warn("database clock unavailable, using this instance's: {}",
              rows ? "no row" : rows.error().message);
  }
  return fallback_.now();
}

}  // namespace gep::store

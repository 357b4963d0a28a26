#include "store/sql/pool.h"

#include "core/logging.h"

namespace gep::store::sql {

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {
  other.pool_ = nullptr;
}

Pool::Lease::~Lease() {
  if (pool_ != nullptr && connection_ != nullptr) pool_->release(std::move(connection_));
}

Pool::Pool(ConnectionFactory factory, size_t size, std::chrono::milliseconds acquire_timeout)
    : factory_(std::move(factory)),
      size_(size == 0 ? 1 : size),
      acquire_timeout_(acquire_timeout) {}

Result<Pool::Lease> Pool::acquire() {
  {
    std::unique_lock lock(mutex_);
    const bool ready = available_.wait_for(lock, acquire_timeout_,
                                           [this] { return !idle_.empty() || open_ < size_; });
    if (!ready) {
      return fail(std::string(kBusyError), "no database connection free after " +
                                               std::to_string(acquire_timeout_.count()) +
                                               " ms (pool of " + std::to_string(size_) + ")");
    }
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_;
  }
  // Connecting takes a network round trip: never while holding the lock.
  auto opened = factory_();
  if (!opened) {
    const std::lock_guard lock(mutex_);
    --open_;
    available_.notify_one();
    return fail(opened.error());
  }
  return Lease(*this, std::move(opened).value());
}

void Pool::release(std::unique_ptr<Connection> connection) {
  if (connection->in_transaction()) {
    log::warn("database: connection returned to the pool inside a transaction; rolling back");
    (void)connection->rollback();
  }
  const bool keep = !connection->is_broken() && !connection->in_transaction();
  if (!keep) connection.reset();  // closing may take a round trip: not under the lock
  const std::lock_guard lock(mutex_);
  if (keep) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  available_.notify_one();
}

}  // namespace gep::store::sql

#pragma once
// A small thread-safe pool: at most `size` connections, opened lazily, handed out one thread at a
// time. A connection returned while still in a transaction is rolled back; a broken one is
// dropped and replaced on a later acquire.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "store/sql/connection.h"

namespace gep::store::sql {

using ConnectionFactory = std::function<Result<std::unique_ptr<Connection>>()>;

class Pool {
 public:
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    friend class Pool;
    Lease(Pool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  Pool(ConnectionFactory factory, size_t size,
       std::chrono::milliseconds acquire_timeout = std::chrono::seconds(30));
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Waits for a free connection (up to the acquire timeout) or opens a new one.
  Result<Lease> acquire();
  // A connection outside the pool, e.g. for a session-level lock held for a long time.
  Result<std::unique_ptr<Connection>> open_dedicated() { return factory_(); }
  size_t size() const { return size_; }

 private:
  void release(std::unique_ptr<Connection> connection);

  ConnectionFactory factory_;
  const size_t size_;
  const std::chrono::milliseconds acquire_timeout_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t open_ = 0;  // idle plus leased, plus those being opened
};

}  // namespace gep::store::sql

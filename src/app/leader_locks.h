#pragma once
// The sync leader: on PostgreSQL a session advisory lock held on a dedicated connection (several
// gep instances share the database; the lock dies with its connection, so a crashed leader frees
// it); on SQLite an exclusive flock on a file beside the database (one machine, one leader).
#include <memory>
#include <string>

#include "store/database.h"
#include "sync/leader_lock.h"

namespace gep::app {

inline constexpr int64_t kSyncLeaderLockKey = 0x67657073796e63;  // "gepsync"

class PostgresLeaderLock final : public sync::LeaderLock {
 public:
  PostgresLeaderLock(store::Database& database, int64_t key) : database_(database), key_(key) {}
  // A graceful stop hands leadership over at once; a crash frees it when the server notices the
  // closed connection.
  ~PostgresLeaderLock() override { release(); }
  PostgresLeaderLock(const PostgresLeaderLock&) = delete;
  PostgresLeaderLock& operator=(const PostgresLeaderLock&) = delete;
  bool try_acquire() override;
  bool still_held() override;
  void release() override;

 private:
  store::Database& database_;
  const int64_t key_;
  std::unique_ptr<store::sql::Connection> connection_;
  bool held_ = false;
};

class FileLeaderLock final : public sync::LeaderLock {
 public:
  explicit FileLeaderLock(std::string path) : path_(std::move(path)) {}
  ~FileLeaderLock() override;
  bool try_acquire() override;
  bool still_held() override { return fd_ >= 0; }
  void release() override;

 private:
  std::string path_;
  int fd_ = -1;
};

std::unique_ptr<sync::LeaderLock> make_leader_lock(store::Database& database, const Config& config);

}  // namespace gep::app

#include "app/leader_locks.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/logging.h"

namespace gep::app {

bool PostgresLeaderLock::try_acquire() {
  if (held_ && still_held()) return true;
  held_ = false;
  if (!connection_ || connection_->is_broken()) {
    auto opened = database_.open_dedicated_connection();
    if (!opened) {
      log::warn("sync leader lock: {}", opened.error().message);
      return false;
    }
    connection_ = std::move(opened.value());
  }
  const auto rows = connection_->query("SELECT pg_try_advisory_lock(?)", {store::sql::Value{key_}});
  held_ = rows && !rows->empty() && (*rows)[0].boolean(0);
  return held_;
}

bool PostgresLeaderLock::still_held() {
  if (!held_ || !connection_) return false;
  const auto rows = connection_->query(
      "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = "
      "pg_backend_pid()");
  held_ = rows && !rows->empty() && (*rows)[0].integer(0) > 0;
  return held_;
}

void PostgresLeaderLock::release() {
  if (held_ && connection_) {
    (void)connection_->query("SELECT pg_advisory_unlock(?)", {store::sql::Value{key_}});
  }
  held_ = false;
}

FileLeaderLock::~FileLeaderLock() {
  release();
}

bool FileLeaderLock::try_acquire() {
  if (fd_ >= 0) return true;
  const int fd = ::open(path_.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  fd_ = fd;
  return true;
}

void FileLeaderLock::release() {
  if (fd_ < 0) return;
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
  fd_ = -1;
}

std::unique_ptr<sync::LeaderLock> make_leader_lock(store::Database& database,
                                                   const Config& config) {
  if (config.database_kind == DatabaseKind::postgres) {
    return std::make_unique<PostgresLeaderLock>(database, kSyncLeaderLockKey);
  }
  return std::make_unique<FileLeaderLock>(config.sqlite_path + ".sync.lock");
}

}  // namespace gep::app

#pragma once
// Which process may run the scheduled sync. On PostgreSQL several gep instances share one
// database and a session advisory lock on a dedicated connection decides; on SQLite one process
// holds an exclusive lock file. The sync owns this interface; store/ implements it.
#include "core/result.h"

namespace gep::sync {

class LeaderLock {
 public:
  virtual ~LeaderLock() = default;
  // True when this process holds (or just took) the lock; never blocks.
  virtual bool try_acquire() = 0;
  // Re-checked before each phase: a lost connection loses the lock.
  virtual bool still_held() = 0;
  virtual void release() = 0;
};

}  // namespace gep::sync

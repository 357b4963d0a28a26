#pragma once
#include "sync/leader_lock.h"

namespace gep::sync::testing {

// A leader lock that a test hands out or withholds.
class FakeLeaderLock final : public LeaderLock {
 public:
  bool try_acquire() override {
    ++attempts;
    held = available;
    return held;
  }
  bool still_held() override { return held && available; }
  void release() override { held = false; }

  bool available = true;
  bool held = false;
  int attempts = 0;
};

}  // namespace gep::sync::testing

#include "auth/keyed_locks.h"

namespace gep::auth {

KeyedLocks::Guard::Guard(KeyedLocks& owner, std::string key)
    : owner_(owner), key_(std::move(key)), mutex_(nullptr) {
  {
    const std::lock_guard lock(owner_.entries_mutex_);
    auto& entry = owner_.entries_[key_];
    if (!entry) entry = std::make_unique<Entry>();
    ++entry->holders;
    mutex_ = &entry->mutex;
  }
  mutex_->lock();
}

KeyedLocks::Guard::~Guard() {
  mutex_->unlock();
  const std::lock_guard lock(owner_.entries_mutex_);
  const auto found = owner_.entries_.find(key_);
  if (found != owner_.entries_.end() && --found->second->holders == 0) owner_.entries_.erase(found);
}

size_t KeyedLocks::size() const {
  const std::lock_guard lock(entries_mutex_);
  return entries_.size();
}

}  // namespace gep::auth

#pragma once
// One mutex per key (an account, an address), created on demand and dropped when unused. Sign-in
// attempts for one account are checked against the lockout one at a time: otherwise a burst of
// parallel requests would all pass the check before any of their failures were recorded.
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gep::auth {

class KeyedLocks {
 public:
  // Holds the key's mutex until destroyed.
  class Guard {
   public:
    Guard(KeyedLocks& owner, std::string key);
    ~Guard();
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

   private:
    KeyedLocks& owner_;
    std::string key_;
    std::mutex* mutex_;
  };

  Guard lock(std::string key) { return Guard(*this, std::move(key)); }
  // Keys currently held or waited for (tests prove unused ones are dropped).
  size_t size() const;

 private:
  struct Entry {
    std::mutex mutex;
    int holders = 0;
  };

  mutable std::mutex entries_mutex_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

}  // namespace gep::auth

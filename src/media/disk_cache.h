#pragma once
// A directory of cached files bounded in total size. Recency lives in an in-memory index (seeded
// from file mtimes at start-up, so a restart keeps roughly the old order); past the bound the
// least recently used files are deleted. Writes go to a temporary file renamed into place, so a
// reader never sees half a file, even across processes sharing the directory. Thread-safe.
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"

namespace gep::media {

class DiskCache {
 public:
  // Creates `directory` when missing; throws on a directory that cannot be created (startup).
  DiskCache(std::filesystem::path directory, uint64_t max_bytes);

  // `key` must be a plain file name ([A-Za-z0-9._-], no leading dot): callers build it.
  std::optional<std::string> get(const std::string& key);
  Status put(const std::string& key, const std::string& bytes);

  uint64_t total_bytes() const;

 private:
  struct Entry {
    uint64_t size = 0;
    uint64_t last_used = 0;
  };
  void load_index();
  void evict_locked();

  const std::filesystem::path directory_;
  const uint64_t max_bytes_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  uint64_t total_ = 0;
  uint64_t clock_ = 0;  // a use counter: cheaper and more exact than touching atimes
  uint64_t temp_counter_ = 0;
};

}  // namespace gep::media

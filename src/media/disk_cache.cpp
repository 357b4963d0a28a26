#include "media/disk_cache.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/logging.h"

namespace gep::media {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kTempPrefix = ".tmp-";

std::optional<std::string> read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

}  // namespace

DiskCache::DiskCache(fs::path directory, uint64_t max_bytes)
    : directory_(std::move(directory)), max_bytes_(max_bytes) {
  fs::create_directories(directory_);
  load_index();
}

void DiskCache::load_index() {
  struct Found {
    std::string name;
    uint64_t size;
    fs::file_time_type mtime;
  };
  std::vector<Found> found;
  for (const auto& item : fs::directory_iterator(directory_)) {
    const std::string name = item.path().filename().string();
    std::error_code ignored;
    if (name.starts_with(kTempPrefix)) {
      fs::remove(item.path(), ignored);  // left by a crash mid-write
      continue;
    }
    if (!item.is_regular_file()) continue;
    found.push_back({name, item.file_size(), item.last_write_time()});
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.mtime < b.mtime; });
  const std::lock_guard lock(mutex_);
  for (const auto& file : found) {
    entries_[file.name] = Entry{file.size, ++clock_};
    total_ += file.size;
  }
  evict_locked();
}

std::optional<std::string> DiskCache::get(const std::string& key) {
  {
    const std::lock_guard lock(mutex_);
    const auto entry = entries_.find(key);
    if (entry == entries_.end()) return std::nullopt;
    entry->second.last_used = ++clock_;
  }
  // Read outside the lock; a concurrent eviction makes this a miss, which is still correct.
  return read_whole(directory_ / key);
}

Status DiskCache::put(const std::string& key, const std::string& bytes) {
  if (bytes.size() > max_bytes_) return {};  // would evict everything and itself: do not cache
  std::string temp_name;
  {
    const std::lock_guard lock(mutex_);
    temp_name = std::string(kTempPrefix) + std::to_string(++temp_counter_) + "-" + key;
  }
  const fs::path temp = directory_ / temp_name;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return fail("media_cache", "could not write " + temp.string());
  }
  std::error_code renamed;
  fs::rename(temp, directory_ / key, renamed);
  if (renamed) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return fail("media_cache", "could not store " + key + ": " + renamed.message());
  }
  const std::lock_guard lock(mutex_);
  auto& entry = entries_[key];
  total_ = total_ - entry.size + bytes.size();
  entry = Entry{bytes.size(), ++clock_};
  evict_locked();
  return {};
}

void DiskCache::evict_locked() {
  while (total_ > max_bytes_ && !entries_.empty()) {
    const auto oldest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; });
    std::error_code failed;
    fs::remove(directory_ / oldest->first, failed);
    if (failed) log::warn("media cache: could not evict {}: {}", oldest->first, failed.message());
    total_ -= oldest->second.size;
    entries_.erase(oldest);
  }
}

uint64_t DiskCache::total_bytes() const {
  const std::lock_guard lock(mutex_);
  return total_;
}

}  // namespace gep::media

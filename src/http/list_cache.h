#pragma once
// Rendered list answers, reused while the tables they were read from are unchanged. A list page
// of 50 rows costs about a millisecond to read and render (the JSON dominates: perf), and it
// only changes when a sync, a webhook or an evaluation writes: every write moves its table's
// change counter (store/repos/list_totals.h), and a cached answer is kept under the counters it
// was rendered with. In `gep serve` the counters are kept in memory (store/change_watch.h), so a
// repeated page costs no database round trip: a write of this instance is seen by the next
// request, another process's once its notification (PostgreSQL) or the next read of the
// counters (SQLite, every 50 ms) arrives.
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "http/router.h"

namespace gep::http {

class ListCache {
 public:
  // The version token of the tables (domain::Repositories::data_version).
  using VersionOf = std::function<Result<std::string>(std::initializer_list<std::string_view>)>;

  explicit ListCache(VersionOf version_of, size_t max_bytes = 64 * 1024 * 1024);

  // Answers `request` from the cache when its target was rendered under the tables' current
  // version; otherwise runs `render` and keeps its answer if it is a 200. When the version
  // cannot be read, `render` answers uncached.
  void answer(const Request& request, Response& response,
              std::initializer_list<std::string_view> tables, const std::function<void()>& render);

 private:
  struct Entry {
    std::string version;
    std::shared_ptr<const Response> answer;
  };

  VersionOf version_of_;
  size_t max_bytes_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;
};

}  // namespace gep::http

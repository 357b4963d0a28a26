#pragma once
// Fetches (and so parses) the next pages of a listing on a second thread while the caller stores
// the current one: an import then takes about max(fetch, store) per page instead of their sum,
// and the parser leaves the database a core of its own. At most `depth` pages wait in memory.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "sync/jobnimbus_gateway.h"

namespace gep::sync {

template <class Record>
class PagePrefetcher {
 public:
  using PageResult = jobnimbus::ApiResult<jobnimbus::StreamPage<Record>>;

  // Each fetch retries up to `attempts` times; a fetch that still fails is handed over as the
  // last item, and fetching stops.
  PagePrefetcher(PageSource<Record>& source, int attempts, size_t depth = 2)
      : source_(source), attempts_(attempts), depth_(depth), thread_([this] { fetch_all(); }) {}

  ~PagePrefetcher() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  PagePrefetcher(const PagePrefetcher&) = delete;
  PagePrefetcher& operator=(const PagePrefetcher&) = delete;

  // The next page in order, or nullopt when the listing is complete.
  std::optional<PageResult> next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || finished_; });
    if (ready_.empty()) return std::nullopt;
    PageResult page = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return page;
  }

  // The next page if it has already arrived, without waiting; nullopt when none is waiting.
  std::optional<PageResult> try_next() {
    const std::lock_guard lock(mutex_);
    if (ready_.empty()) return std::nullopt;
    PageResult page = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return page;
  }

  int requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void fetch_all() {
    int failures = 0;
    while (!source_.done()) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return ready_.size() < depth_ || stopping_; });
        if (stopping_) break;
      }
      PageResult page = source_.next_page();
      const bool failed = !page.ok();
      {
        const std::lock_guard lock(mutex_);
        ++requests_;
      }
      if (failed && ++failures < attempts_) continue;
      failures = 0;
      {
        const std::lock_guard lock(mutex_);
        ready_.push_back(std::move(page));
      }
      changed_.notify_all();
      if (failed) break;
    }
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
    }
    changed_.notify_all();
  }

  PageSource<Record>& source_;
  const int attempts_;
  const size_t depth_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PageResult> ready_;
  int requests_ = 0;
  bool finished_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace gep::sync

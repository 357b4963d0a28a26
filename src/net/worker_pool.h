#pragma once
// The bounded pool that runs handlers (they block on the database or JobNimbus). A finishing
// worker first looks for the next task for a few microseconds before it parks: under load the
// next request is usually that close, and a park and wake per request (a futex wait and a
// context switch each) would cost more than the handler itself. At most kMaxSpinners workers
// look at once, so an idle server spins no CPU beyond that instant.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gep::net {

class WorkerPool {
 public:
  explicit WorkerPool(size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void post(std::function<void()> task);
  // Runs what is queued, then ends the threads. Later posts are dropped.
  void join();

 private:
  static constexpr int kMaxSpinners = 2;
  bool take(std::function<void()>& task);
  bool take_spinning(std::function<void()>& task);
  bool pop_locked(std::function<void()>& task);
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::atomic<size_t> pending_{0};
  std::atomic<int> spinning_{0};
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace gep::net

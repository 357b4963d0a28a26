#include "net/worker_pool.h"

#include <chrono>

namespace gep::net {
namespace {
constexpr auto kSpinFor = std::chrono::microseconds(50);
}

WorkerPool::WorkerPool(size_t threads) {
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
  join();
}

void WorkerPool::post(std::function<void()> task) {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_) return;
    tasks_.push_back(std::move(task));
    pending_.fetch_add(1);
  }
  // A spinning worker takes it without a wake-up. One that stops spinning re-checks the queue
  // under the lock before it parks, so the task cannot be stranded.
  if (spinning_.load() == 0) ready_.notify_one();
}

void WorkerPool::join() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

bool WorkerPool::pop_locked(std::function<void()>& task) {
  if (tasks_.empty()) return false;
  task = std::move(tasks_.front());
  tasks_.pop_front();
  pending_.fetch_sub(1);
  return true;
}

bool WorkerPool::take_spinning(std::function<void()>& task) {
  if (spinning_.fetch_add(1) >= kMaxSpinners) {
    spinning_.fetch_sub(1);
    return false;
  }
  const auto until = std::chrono::steady_clock::now() + kSpinFor;
  bool taken = false;
  while (!taken && std::chrono::steady_clock::now() < until) {
    if (pending_.load() == 0) {
      std::this_thread::yield();
      continue;
    }
    const std::lock_guard lock(mutex_);
    taken = pop_locked(task);
  }
  spinning_.fetch_sub(1);
  return taken;
}

bool WorkerPool::take(std::function<void()>& task) {
  if (take_spinning(task)) return true;
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [this] { return !tasks_.empty() || stopping_; });
  return pop_locked(task);  // false: stopping with nothing left
}

void WorkerPool::run() {
  std::function<void()> task;
  while (take(task)) {
    task();
    task = nullptr;
  }
}

}  // namespace gep::net

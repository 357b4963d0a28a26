#include "core/log_sink.h"

#include <spdlog/pattern_formatter.h>
#include <unistd.h>

#include <cerrno>

namespace gep::log {
namespace {

// A writer that cannot keep up (stderr is a pipe nobody reads) slows its callers down rather than
// letting the buffer grow without end.
constexpr size_t kMaxPendingBytes = 4 * 1024 * 1024;
// Lines below warn gather for up to this long (or this many bytes) before the writer wakes: a
// wake-up per line is a context switch per request.
constexpr auto kGatherFor = std::chrono::milliseconds(20);
constexpr size_t kBatchBytes = 64 * 1024;

// All of `bytes`, however many calls that takes; a log that cannot be written is dropped (there
// is nowhere left to report it).
void write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return;
    done += static_cast<size_t>(wrote);
  }
}

}  // namespace

CoalescingFdSink::CoalescingFdSink(int fd)
    : fd_(fd), formatter_(std::make_unique<spdlog::pattern_formatter>()) {
  writer_ = std::thread([this] { write_batches(); });
}

CoalescingFdSink::~CoalescingFdSink() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_one();
  writer_.join();
}

void CoalescingFdSink::log(const spdlog::details::log_msg& message) {
  spdlog::memory_buf_t line;
  std::unique_lock lock(mutex_);
  formatter_->format(message, line);
  const bool first_pending = pending_.empty();
  pending_.append(line.data(), line.size());
  const bool full = pending_.size() >= kBatchBytes && pending_.size() - line.size() < kBatchBytes;
  if (message.level >= spdlog::level::warn || pending_.size() > kMaxPendingBytes) {
    urgent_ = true;
    work_.notify_one();
    return wait_until_written(lock);
  }
  if (first_pending || full) work_.notify_one();
}

void CoalescingFdSink::flush() {
  std::unique_lock lock(mutex_);
  urgent_ = true;
  work_.notify_one();
  wait_until_written(lock);
}

void CoalescingFdSink::set_pattern(const std::string& pattern) {
  set_formatter(std::make_unique<spdlog::pattern_formatter>(pattern));
}

void CoalescingFdSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
  const std::lock_guard lock(mutex_);
  formatter_ = std::move(formatter);
}

void CoalescingFdSink::wait_until_written(std::unique_lock<std::mutex>& lock) {
  written_.wait(lock, [this] { return pending_.empty() && !writing_; });
}

void CoalescingFdSink::write_batches() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
    if (pending_.empty()) return;  // stopping, and everything is out
    work_.wait_for(lock, kGatherFor,
                   [this] { return stopping_ || urgent_ || pending_.size() >= kBatchBytes; });
    urgent_ = false;
    std::string batch;
    batch.swap(pending_);
    writing_ = true;
    lock.unlock();
    write_all(fd_, batch);
    lock.lock();
    writing_ = false;
    written_.notify_all();
  }
}

}  // namespace gep::log

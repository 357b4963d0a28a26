#pragma once
// The sink behind gep's logger: lines go to a file descriptor (stderr) from one writer thread.
// A request thread only formats its line and appends it to a buffer. The writer wakes when the
// first line arrives, lets lines gather for up to 20 ms (or 64 KB), and writes them with one
// write(2). Request threads never queue on a lock held across a system call, nor wake a thread
// per line: writing and flushing each line in its caller, then waking a writer per line, each
// cost about a fifth of /health's throughput.
//
// A line at warn or above waits until it and everything before it has been written, so what
// explains a crash is on disk before the crash. flush() does the same.
#include <spdlog/sinks/sink.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace gep::log {

class CoalescingFdSink final : public spdlog::sinks::sink {
 public:
  explicit CoalescingFdSink(int fd);
  ~CoalescingFdSink() override;
  CoalescingFdSink(const CoalescingFdSink&) = delete;
  CoalescingFdSink& operator=(const CoalescingFdSink&) = delete;

  void log(const spdlog::details::log_msg& message) override;
  void flush() override;
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

 private:
  void write_batches();
  void wait_until_written(std::unique_lock<std::mutex>& lock);

  const int fd_;
  std::mutex mutex_;
  std::condition_variable work_;
  std::condition_variable written_;
  std::unique_ptr<spdlog::formatter> formatter_;
  std::string pending_;
  bool writing_ = false;
  bool urgent_ = false;  // a warning or flush() waits: write without gathering
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace gep::log

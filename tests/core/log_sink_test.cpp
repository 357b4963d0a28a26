#include "core/log_sink.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace gep::log {
namespace {

// A pipe whose read end never blocks: what has been written so far, and no more.
struct Pipe {
  int read_end = -1;
  int write_end = -1;
  Pipe() {
    std::array<int, 2> ends{};
    EXPECT_EQ(::pipe2(ends.data(), O_CLOEXEC), 0);
    read_end = ends[0];
    write_end = ends[1];
    ::fcntl(read_end, F_SETFL, O_NONBLOCK);
    ::fcntl(write_end, F_SETPIPE_SZ, 1 << 20);
  }
  ~Pipe() {
    ::close(read_end);
    ::close(write_end);
  }
  std::string drain() const {
    std::string out;
    std::array<char, 65536> chunk{};
    for (ssize_t got; (got = ::read(read_end, chunk.data(), chunk.size())) > 0;) {
      out.append(chunk.data(), static_cast<size_t>(got));
    }
    return out;
  }
};

std::shared_ptr<spdlog::logger> logger_on(const std::shared_ptr<CoalescingFdSink>& sink) {
  auto logger = std::make_shared<spdlog::logger>("test", sink);
  logger->set_pattern("%l %v");
  logger->set_level(spdlog::level::trace);
  return logger;
}

TEST(CoalescingFdSink, EveryLineOfEveryThreadIsWrittenOnceInItsThreadsOrder) {
  const Pipe pipe;
  const auto sink = std::make_shared<CoalescingFdSink>(pipe.write_end);
  const auto logger = logger_on(sink);
  constexpr int kThreads = 4;
  constexpr int kLines = 2000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kLines; ++i) logger->info("t{} n{}", t, i);
    });
  }
  for (auto& thread : threads) thread.join();
  logger->flush();
  std::istringstream lines(pipe.drain());
  std::map<int, int> next_of_thread;
  int total = 0;
  for (std::string line; std::getline(lines, line);) {
    int thread = -1;
    int number = -1;
    ASSERT_EQ(std::sscanf(line.c_str(), "info t%d n%d", &thread, &number), 2) << line;
    EXPECT_EQ(number, next_of_thread[thread]) << "thread " << thread;
    next_of_thread[thread] = number + 1;
    ++total;
  }
  EXPECT_EQ(total, kThreads * kLines);
}

TEST(CoalescingFdSink, AWarningIsWrittenBeforeTheCallReturns) {
  const Pipe pipe;
  const auto sink = std::make_shared<CoalescingFdSink>(pipe.write_end);
  const auto logger = logger_on(sink);
  logger->info("first");
  logger->warn("the disk is full");
  EXPECT_EQ(pipe.drain(), "info first\nwarning the disk is full\n");
}

TEST(CoalescingFdSink, LinesLoggedBeforeTheSinkIsDestroyedAreWritten) {
  const Pipe pipe;
  {
    const auto sink = std::make_shared<CoalescingFdSink>(pipe.write_end);
    const auto logger = logger_on(sink);
    for (int i = 0; i < 100; ++i) logger->info("line {}", i);
  }
  const std::string written = pipe.drain();
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 100);
  EXPECT_NE(written.find("info line 99\n"), std::string::npos);
}

}  // namespace
}  // namespace gep::log

#include "net/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace gep::net {
namespace {

TEST(WorkerPool, RunsEveryTaskPostedFromManyThreads) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(4);
    std::vector<std::thread> posters;
    for (int p = 0; p < 4; ++p) {
      posters.emplace_back([&pool, &ran] {
        for (int i = 0; i < 5000; ++i) pool.post([&ran] { ran.fetch_add(1); });
      });
    }
    for (auto& poster : posters) poster.join();
    pool.join();  // runs what is queued before it ends the threads
  }
  EXPECT_EQ(ran.load(), 20000);
}

// Tasks posted one at a time, each after the last finished: the moment a worker stops looking
// and parks is crossed many times, and no task may be left waiting in the queue.
TEST(WorkerPool, ATaskPostedAsAWorkerParksIsNotStranded) {
  WorkerPool pool(3);
  for (int i = 0; i < 2000; ++i) {
    std::promise<void> done;
    auto finished = done.get_future();
    pool.post([&done] { done.set_value(); });
    ASSERT_EQ(finished.wait_for(std::chrono::seconds(10)), std::future_status::ready) << i;
    if (i % 10 == 0) {  // outlast the workers' look-ahead, so that they park before the next
      const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(200);
      while (std::chrono::steady_clock::now() < until) std::this_thread::yield();
    }
  }
}

TEST(WorkerPool, PostsAfterJoinAreDropped) {
  WorkerPool pool(1);
  pool.join();
  bool ran = false;
  pool.post([&ran] { ran = true; });
  EXPECT_FALSE(ran);
}

}  // namespace
}  // namespace gep::net

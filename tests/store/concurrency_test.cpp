// Several threads share one Database (and its pool) the way HTTP workers and the sync do.
#include <atomic>
#include <thread>
#include <vector>

#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using ConcurrencyTest = StoreTest;

TEST_P(ConcurrencyTest, ThreadsWriteAndReadThroughThePool) {
  constexpr int kThreads = 6;
  constexpr int kBatches = 8;
  constexpr int kBatchSize = 50;
  std::atomic<int> failures{0};
  std::atomic<int64_t> created{0};
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int b = 0; b < kBatches; ++b) {
          std::vector<domain::Job> batch;
          for (int i = 0; i < kBatchSize; ++i) {
            batch.push_back(make_job((t * kBatches + b) * kBatchSize + i + 1));
          }
          const Status stored = db().in_transaction([&](domain::Repositories& repos) -> Status {
            const auto counts = repos.jobs().upsert_batch(batch);
            if (!counts) return fail(counts.error());
            created += counts->created;
            domain::SyncCursor cursor;
            cursor.entity = "jobs:" + std::to_string(t);
            cursor.watermark = b;
            return repos.sync_state().put(cursor);
          });
          if (!stored) ++failures;
          const auto page = db().jobs().list({});
          if (!page || page->total < kBatchSize) ++failures;
          if (!db().jobs().find_by_jnid(batch.front().jnid)->has_value()) ++failures;
        }
      });
    }
  }
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(created.load(), kThreads * kBatches * kBatchSize);
  EXPECT_EQ(db().jobs().list({})->total, kThreads * kBatches * kBatchSize);
  const auto cursors = db().sync_state().list();
  ASSERT_TRUE(cursors);
  ASSERT_EQ(cursors->size(), static_cast<size_t>(kThreads));
  for (const auto& cursor : *cursors) EXPECT_EQ(cursor.watermark, kBatches - 1);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(ConcurrencyTest);

}  // namespace
}  // namespace gep::test

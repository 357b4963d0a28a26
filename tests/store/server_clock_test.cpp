// On PostgreSQL the store stamps rows with the server's clock, not the instance's: instances
// with skewed clocks share one database, and the reconciliation's cut-off is compared against
// those stamps.
#include <gtest/gtest.h>

#include "store/test_database.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

TEST(ServerClockTest, PostgresStampsRowsAndCutOffsWithTheServersClock) {
  if (!postgres_test_url()) {
    if (postgres_skip_allowed()) GTEST_SKIP() << "GEP_TEST_DATABASE_URL is not set";
    FAIL() << "GEP_TEST_DATABASE_URL is not set (scripts/pg-test-cluster.sh start)";
  }
  auto database = TestDatabase::create(Backend::postgres);
  ASSERT_TRUE(database.ok()) << database.error().message;
  // An instance whose clock is years behind.
  ManualClock skewed{from_unix_seconds(1'500'000'000)};
  auto options = (*database)->options(&skewed);
  options.server_clock = true;
  auto store = store::open_database(options);
  ASSERT_TRUE(store.ok()) << store.error().message;
  ASSERT_TRUE((*store)->migrate().ok());

  const int64_t real_before = to_unix_seconds(SystemClock{}.now());
  ASSERT_TRUE((*store)->jobs().upsert_batch(std::vector{make_job(1)}).ok());
  const auto stored = (*store)->jobs().find_by_jnid("job1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  const int64_t real_after = to_unix_seconds(SystemClock{}.now());
  EXPECT_GE((*stored)->updated_at, real_before - 1);
  EXPECT_LE((*stored)->updated_at, real_after + 1);
  const int64_t stored_time = to_unix_seconds((*store)->stored_time());
  EXPECT_GE(stored_time, real_before - 1);
  EXPECT_LE(stored_time, real_after + 1);

  // Without the option, an injected clock stamps as before (what the other tests rely on).
  auto plain = (*database)->open(&skewed);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(to_unix_seconds((*plain)->stored_time()), 1'500'000'000);
}

}  // namespace
}  // namespace gep::test

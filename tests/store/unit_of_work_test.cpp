// The sync engine stores a page and the cursor that covers it in one transaction.
#include <vector>

#include "store/fixture_helpers.h"
#include "store/repos/connection_source.h"
#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using UnitOfWorkTest = StoreTest;

domain::SyncCursor cursor_at(int64_t watermark) {
  domain::SyncCursor cursor;
  cursor.entity = "jobs";
  cursor.watermark = watermark;
  cursor.last_jnid = "job2";
  cursor.position = R"({"from":1000})";
  return cursor;
}

TEST_P(UnitOfWorkTest, PageAndCursorCommitTogether) {
  const std::vector<domain::Job> page{make_job(1), make_job(2)};
  const Status stored = db().in_transaction([&](domain::Repositories& repos) -> Status {
    const auto counts = repos.jobs().upsert_batch(page);
    if (!counts) return fail(counts.error());
    return repos.sync_state().put(cursor_at(1'700'000'020));
  });
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(db().jobs().list({})->total, 2);
  const auto cursor = db().sync_state().get("jobs");
  ASSERT_TRUE(cursor && cursor->has_value());
  EXPECT_EQ((*cursor)->watermark, 1'700'000'020);
  EXPECT_EQ((*cursor)->last_jnid, "job2");
  EXPECT_EQ((*cursor)->position, R"({"from":1000})");
  EXPECT_EQ((*cursor)->updated_at, to_unix_seconds(clock_.now()));
}

TEST_P(UnitOfWorkTest, AFailingUnitOfWorkRollsBackPageAndCursor) {
  ASSERT_TRUE(db().sync_state().put(cursor_at(100)));
  const std::vector<domain::Job> page{make_job(1), make_job(2)};
  const Status failed = db().in_transaction([&](domain::Repositories& repos) -> Status {
    if (!repos.jobs().upsert_batch(page)) return fail("test", "upsert failed");
    if (!repos.sync_state().put(cursor_at(200))) return fail("test", "put failed");
    return fail("crash", "simulated failure after the page and cursor were written");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "crash");
  EXPECT_EQ(db().jobs().list({})->total, 0);
  EXPECT_EQ((*db().sync_state().get("jobs"))->watermark, 100);
}

TEST_P(UnitOfWorkTest, AnExceptionRollsBackToo) {
  const std::vector<domain::Job> page{make_job(1)};
  EXPECT_THROW((void)db().in_transaction([&](domain::Repositories& repos) -> Status {
    (void)repos.jobs().upsert_batch(page);
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_EQ(db().jobs().list({})->total, 0);
  EXPECT_TRUE(db().ping());  // the connection went back to the pool usable
}

// Inside a unit of work every repository call runs in a savepoint: a statement that fails in
// the database undoes only itself (PostgreSQL would otherwise abort the whole transaction).
TEST_P(UnitOfWorkTest, ADatabaseErrorInsideAUnitOfWorkLeavesItUsable) {
  auto lease = db().pool().acquire();
  ASSERT_TRUE(lease);
  auto transaction = store::sql::Transaction::begin(**lease);
  ASSERT_TRUE(transaction);
  store::ListTotals totals(db().table_versions());
  store::BoundSource source(**lease, clock_, totals);
  const Status broken = source.run(true, [](store::sql::Connection& connection) -> Status {
    const auto rows = connection.query("SELECT no_such_column FROM jobs");
    if (!rows) return fail(rows.error());
    return {};
  });
  ASSERT_FALSE(broken);
  const Status inserted = source.run(true, [&](store::sql::Connection& connection) -> Status {
    const auto written = connection.execute(
        "INSERT INTO sync_state (entity, watermark, updated_at) VALUES (?, ?, ?)",
        {sql_text("files"), sql_int(9), sql_int(1)});
    if (!written) return fail(written.error());
    return {};
  });
  ASSERT_TRUE(inserted) << inserted.error().message;
  ASSERT_TRUE(transaction->commit());
  EXPECT_EQ((*db().sync_state().get("files"))->watermark, 9);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(UnitOfWorkTest);

}  // namespace
}  // namespace gep::test

#include <vector>

#include "store/store_fixture.h"

namespace gep::test {
namespace {

using SyncLogTest = StoreTest;

domain::SyncLog log_of(std::string entity, int64_t created_at, domain::SyncStatus status) {
  domain::SyncLog log;
  log.entity = std::move(entity);
  log.status = status;
  log.created_at = created_at;
  log.fetched = 10;
  log.created = 4;
  log.updated = 3;
  log.unchanged = 2;
  log.failed = 1;
  log.records_affected = 7;
  log.duration_ms = 1234;
  log.started_at = created_at - 2;
  log.trigger = "schedule";
  return log;
}

TEST_P(SyncLogTest, NewestFirstWithTotalAndLatest) {
  EXPECT_FALSE(db().sync_logs().latest()->has_value());
  // Two logs share a second: the later insert (higher id) counts as newer.
  const std::vector<domain::SyncLog> logs{log_of("jobs", 100, domain::SyncStatus::success),
                                          log_of("contacts", 300, domain::SyncStatus::partial),
                                          log_of("jobs", 200, domain::SyncStatus::failed),
                                          log_of("files", 300, domain::SyncStatus::success),
                                          log_of("jobs", 50, domain::SyncStatus::success)};
  for (const auto& log : logs) ASSERT_TRUE(db().sync_logs().append(log));

  const auto first = db().sync_logs().list({2, 0, {}});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->total, 5);
  ASSERT_EQ(first->items.size(), 2U);
  EXPECT_EQ(first->items[0].entity, "files");
  EXPECT_EQ(first->items[1].entity, "contacts");
  EXPECT_EQ(first->items[1].status, domain::SyncStatus::partial);

  const auto rest = db().sync_logs().list({10, 2, {}});
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->items.size(), 3U);
  EXPECT_EQ(rest->items[0].created_at, 200);
  EXPECT_EQ(rest->items[2].created_at, 50);

  const auto latest = db().sync_logs().latest();
  ASSERT_TRUE(latest && latest->has_value());
  EXPECT_EQ((*latest)->entity, "files");
  const auto latest_jobs = db().sync_logs().latest_for_entity("jobs");
  ASSERT_TRUE(latest_jobs && latest_jobs->has_value());
  EXPECT_EQ((*latest_jobs)->created_at, 200);
  EXPECT_EQ((*latest_jobs)->status, domain::SyncStatus::failed);
}

TEST_P(SyncLogTest, AStatusFilterKeepsOnlyThoseRunsAndCountsThem) {
  const std::vector<domain::SyncLog> logs{log_of("jobs", 100, domain::SyncStatus::success),
                                          log_of("contacts", 150, domain::SyncStatus::failed),
                                          log_of("jobs", 200, domain::SyncStatus::failed),
                                          log_of("files", 300, domain::SyncStatus::partial),
                                          log_of("jobs", 400, domain::SyncStatus::failed)};
  for (const auto& log : logs) ASSERT_TRUE(db().sync_logs().append(log));

  const auto failed = db().sync_logs().list({2, 0, domain::SyncStatus::failed});
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(failed->total, 3);
  ASSERT_EQ(failed->items.size(), 2U);
  EXPECT_EQ(failed->items[0].created_at, 400);
  EXPECT_EQ(failed->items[1].created_at, 200);
  const auto older = db().sync_logs().list({2, 2, domain::SyncStatus::failed});
  ASSERT_TRUE(older);
  ASSERT_EQ(older->items.size(), 1U);
  EXPECT_EQ(older->items[0].entity, "contacts");

  const auto partial = db().sync_logs().list({20, 0, domain::SyncStatus::partial});
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->total, 1);
  ASSERT_EQ(partial->items.size(), 1U);
  EXPECT_EQ(partial->items[0].entity, "files");
  EXPECT_EQ(db().sync_logs().list({20, 0, {}})->total, 5);
}

TEST_P(SyncLogTest, KeepsEveryFieldOfAPushLog) {
  domain::SyncLog push;
  push.job_id = 42;
  push.job_jnid = "job42";
  push.sync_type = domain::SyncType::push;
  push.status = domain::SyncStatus::failed;
  push.entity = "note";
  push.trigger = "outbox";
  push.records_affected = 0;
  push.error_message = "JobNimbus answered 400: Invalid record_type_name - Note";
  push.errors_json = R"(["first", "second"])";
  const auto id = db().sync_logs().append(push);  // created_at 0: the store's clock fills it
  ASSERT_TRUE(id) << id.error().message;
  const auto stored = db().sync_logs().latest();
  ASSERT_TRUE(stored && stored->has_value());
  const domain::SyncLog& log = **stored;
  EXPECT_EQ(log.id, *id);
  EXPECT_EQ(log.job_id, 42);
  EXPECT_EQ(log.job_jnid, "job42");
  EXPECT_EQ(log.sync_type, domain::SyncType::push);
  EXPECT_EQ(log.status, domain::SyncStatus::failed);
  EXPECT_EQ(log.trigger, "outbox");
  EXPECT_EQ(log.error_message, push.error_message);
  EXPECT_EQ(log.errors_json, push.errors_json);
  EXPECT_EQ(log.created_at, to_unix_seconds(clock_.now()));

  const auto counted = db().sync_logs().append(log_of("jobs", 1, domain::SyncStatus::partial));
  ASSERT_TRUE(counted);
  const auto all = db().sync_logs().list({10, 0, {}});
  const domain::SyncLog& run = all->items.back();
  EXPECT_EQ(run.fetched, 10);
  EXPECT_EQ(run.created, 4);
  EXPECT_EQ(run.updated, 3);
  EXPECT_EQ(run.unchanged, 2);
  EXPECT_EQ(run.failed, 1);
  EXPECT_EQ(run.duration_ms, 1234);
  EXPECT_EQ(run.started_at, -1);
  EXPECT_EQ(run.errors_json, "[]");
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(SyncLogTest);

}  // namespace
}  // namespace gep::test

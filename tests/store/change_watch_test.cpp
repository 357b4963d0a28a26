// Table versions in memory (store/sql/table_versions.h) and the watch that keeps them current
// with other processes (store/change_watch.h), on both backends. A cached list answer is served
// while its tables' token is unchanged, so every test here is about when the token moves.
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "store/change_watch.h"
#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using store::sql::TableVersions;

TEST(TableVersionsTest, ATokenMovesOnlyWithAChangeToOneOfItsTables) {
  TableVersions versions;
  const std::string before = versions.token({"jobs", "risk_snapshots"});
  const std::vector<std::string> contacts{"contacts"};
  versions.committed(contacts);
  EXPECT_EQ(versions.token({"jobs", "risk_snapshots"}), before);
  versions.changed("risk_snapshots");
  const std::string after_risk = versions.token({"jobs", "risk_snapshots"});
  EXPECT_NE(after_risk, before);
  const std::vector<std::string> jobs{"jobs"};
  versions.committed(jobs);
  EXPECT_NE(versions.token({"jobs", "risk_snapshots"}), after_risk);
}

TEST(TableVersionsTest, EveryTokenMovesWhenTheWatchBeginsOrMayHaveMissedSomething) {
  TableVersions versions;
  EXPECT_FALSE(versions.live());
  const std::string before = versions.token({"jobs"});
  const auto later = std::chrono::steady_clock::now() + std::chrono::hours(1);
  versions.renew(later);
  EXPECT_TRUE(versions.live());
  const std::string live = versions.token({"jobs"});
  EXPECT_NE(live, before);
  versions.renew(later);  // renewed in time: nothing was missed
  EXPECT_EQ(versions.token({"jobs"}), live);
  versions.changed_all();
  const std::string reconnected = versions.token({"jobs"});
  EXPECT_NE(reconnected, live);
  versions.set_not_live();
  EXPECT_FALSE(versions.live());
  versions.renew(later);
  EXPECT_NE(versions.token({"jobs"}), reconnected);
}

TEST(TableVersionsTest, AWatchWhoseRenewalLapsedIsNotTrusted) {
  TableVersions versions;
  versions.renew(std::chrono::steady_clock::now() - std::chrono::milliseconds(1));
  EXPECT_FALSE(versions.live());
}

class ChangeWatchTest : public StoreTest {
 protected:
  std::unique_ptr<store::Database> other_process() {
    auto opened = test_database_->open(&clock_);
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(opened).value() : nullptr;
  }

  static void write_job(store::Database& database, int n) {
    const std::vector<domain::Job> jobs{make_job(n)};
    const auto stored = database.jobs().upsert_batch(jobs);
    ASSERT_TRUE(stored) << stored.error().message;
  }
};

TEST_P(ChangeWatchTest, WithoutAWatchTheTokenIsReadFromTheDatabase) {
  const auto before = db().data_version({"jobs"});
  ASSERT_TRUE(before) << before.error().message;
  auto other = other_process();
  ASSERT_NE(other, nullptr);
  write_job(*other, 1);
  const auto after = db().data_version({"jobs"});
  ASSERT_TRUE(after);
  EXPECT_NE(*after, *before);
}

TEST_P(ChangeWatchTest, ThisProcesssCommitMovesItsVersionAsItCommits) {
  // No watch runs: only the pooled connections' reports can move the versions.
  const auto& versions = db().table_versions();
  const std::string before = versions.token({"jobs"});
  const std::string contacts = versions.token({"contacts"});
  const Status failed = db().in_transaction([](domain::Repositories& repos) -> Status {
    const std::vector<domain::Job> jobs{make_job(1)};
    if (const auto stored = repos.jobs().upsert_batch(jobs); !stored) return fail(stored.error());
    return fail("test", "roll back");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(versions.token({"jobs"}), before);
  const Status stored = db().in_transaction([](domain::Repositories& repos) -> Status {
    const std::vector<domain::Job> jobs{make_job(2)};
    if (const auto upserted = repos.jobs().upsert_batch(jobs); !upserted) {
      return fail(upserted.error());
    }
    return {};
  });
  ASSERT_TRUE(stored) << stored.error().message;
  const std::string after_unit = versions.token({"jobs"});
  EXPECT_NE(after_unit, before);
  write_job(db(), 3);  // outside a unit of work
  EXPECT_NE(versions.token({"jobs"}), after_unit);
  EXPECT_EQ(versions.token({"contacts"}), contacts);
}

TEST_P(ChangeWatchTest, ThisProcesssCommitMovesTheTokenAtOnceAndARollbackDoesNot) {
  ASSERT_TRUE(db().watch_changes());
  ASSERT_TRUE(db().table_versions().live());
  const auto before = db().data_version({"jobs"});
  ASSERT_TRUE(before);
  const Status failed = db().in_transaction([](domain::Repositories& repos) -> Status {
    const std::vector<domain::Job> jobs{make_job(1)};
    if (const auto stored = repos.jobs().upsert_batch(jobs); !stored) {
      return fail(stored.error());
    }
    return fail("test", "roll back");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(*db().data_version({"jobs"}), *before);
  const auto contacts = db().data_version({"contacts"});
  write_job(db(), 2);
  EXPECT_NE(*db().data_version({"jobs"}), *before);
  EXPECT_EQ(*db().data_version({"contacts"}), *contacts);
}

TEST_P(ChangeWatchTest, AnotherProcesssCommitMovesTheTokenOnceTheWatchReadsTheCounters) {
  auto other = other_process();
  ASSERT_NE(other, nullptr);
  TableVersions versions;
  store::ChangeWatch watch([this] { return db().open_dedicated_connection(); }, versions, {});
  ASSERT_TRUE(watch.poll_once());  // connects
  ASSERT_TRUE(versions.live());
  const std::string before = versions.token({"jobs"});
  const std::string contacts = versions.token({"contacts"});
  ASSERT_TRUE(watch.poll_once());
  EXPECT_EQ(versions.token({"jobs"}), before);  // nothing was written
  write_job(*other, 1);
  ASSERT_TRUE(watch.poll_once());
  const std::string after = versions.token({"jobs"});
  EXPECT_NE(after, before);
  EXPECT_EQ(versions.token({"contacts"}), contacts);
  write_job(*other, 2);  // a table's second write moves it again
  ASSERT_TRUE(watch.poll_once());
  EXPECT_NE(versions.token({"jobs"}), after);
}

TEST_P(ChangeWatchTest, AWatchThatCannotConnectLeavesTheTokensToTheDatabase) {
  TableVersions versions;
  store::ChangeWatch watch(
      []() -> Result<std::unique_ptr<store::sql::Connection>> {
        return fail("database", "connection refused");
      },
      versions, {});
  EXPECT_FALSE(watch.start());
  EXPECT_FALSE(versions.live());
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(ChangeWatchTest);

std::unique_ptr<store::Database> open_migrated(const TestDatabase& location) {
  auto opened = location.open();
  EXPECT_TRUE(opened) << opened.error().message;
  if (!opened) return nullptr;
  EXPECT_TRUE((*opened)->migrate());
  return std::move(opened).value();
}

TEST(PostgresChangeNotificationTest, ACommitNotifiesEveryListener) {
  if (!postgres_test_url()) {
    if (postgres_skip_allowed()) GTEST_SKIP() << "GEP_TEST_DATABASE_URL is not set";
    FAIL() << "GEP_TEST_DATABASE_URL is not set (scripts/pg-test-cluster.sh start)";
  }
  auto location = TestDatabase::create(Backend::postgres);
  ASSERT_TRUE(location) << location.error().message;
  const auto listening = open_migrated(**location);
  const auto writing = open_migrated(**location);
  ASSERT_TRUE(listening && writing);
  auto listener = listening->open_dedicated_connection();
  ASSERT_TRUE(listener) << listener.error().message;
  ASSERT_TRUE((*listener)->listen(store::sql::kChangeChannel));
  const std::vector<domain::Job> jobs{make_job(1)};
  ASSERT_TRUE(writing->jobs().upsert_batch(jobs));
  std::vector<std::string> payloads;
  for (int attempt = 0; attempt < 50 && payloads.empty(); ++attempt) {
    pollfd socket{.fd = (*listener)->notification_socket(), .events = POLLIN, .revents = 0};
    ASSERT_GE(poll(&socket, 1, 100), 0);  // waits for the notification, at most 5 s in all
    const auto taken = (*listener)->take_notifications();
    ASSERT_TRUE(taken) << taken.error().message;
    payloads.insert(payloads.end(), taken->begin(), taken->end());
  }
  EXPECT_NE(std::find(payloads.begin(), payloads.end(), "jobs"), payloads.end());
}

TEST(SqliteChangeNotificationTest, ASQLiteConnectionHasNoNotificationsToWaitFor) {
  auto location = TestDatabase::create(Backend::sqlite);
  ASSERT_TRUE(location) << location.error().message;
  const auto database = open_migrated(**location);
  ASSERT_NE(database, nullptr);
  auto connection = database->open_dedicated_connection();
  ASSERT_TRUE(connection);
  EXPECT_TRUE((*connection)->listen(store::sql::kChangeChannel));
  EXPECT_EQ((*connection)->notification_socket(), -1);
  const auto taken = (*connection)->take_notifications();
  ASSERT_TRUE(taken);
  EXPECT_TRUE(taken->empty());
}

}  // namespace
}  // namespace gep::test

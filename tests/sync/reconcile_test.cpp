// The reconciliation after a complete listing: deletes are tested in pull_engine_test.cpp; here,
// records JobNimbus has that the mirror lacks are fetched by id and stored (repaired).
#include "sync/reconcile.h"

#include "sync/sync_fixture.h"

namespace gep::sync {
namespace {

using ReconcileTest = SyncFixture;

jobnimbus::Contact make_contact(const std::string& jnid, int64_t updated) {
  jobnimbus::Contact contact;
  contact.jnid = jnid;
  contact.first_name = "Chloé";
  contact.last_name = "N-" + jnid;
  contact.date_created = updated - 10;
  contact.date_updated = updated;
  contact.raw_json = R"({"jnid":")" + jnid + R"("})";
  return contact;
}

jobnimbus::FileRecord make_file(const std::string& jnid, const std::string& job, int64_t updated) {
  jobnimbus::FileRecord file;
  file.jnid = jnid;
  file.filename = jnid + ".jpg";
  file.date_created = updated - 10;
  file.date_updated = updated;
  file.primary = jobnimbus::RecordRef{job, "job", "Job " + job, ""};
  file.raw_json = R"({"jnid":")" + jnid + R"("})";
  return file;
}

TEST_F(ReconcileTest, RecordsTheListingMissedAreFetchedByIdAndCountedRepaired) {
  ASSERT_EQ(pull(PullEntity::jobs).created, 6);
  // Two jobs JobNimbus dates before the saved cursor (clock skew, a listing quirk): no
  // incremental listing will ever show them, but the id listing does.
  gateway_.jobs_by_id["old1"] = make_job("old1", 500);
  gateway_.jobs_by_id["old2"] = make_job("old2", 501, "Permitting");
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.repaired, 2);
  EXPECT_EQ(report.created, 0);  // the listing created nothing: the repair did
  EXPECT_EQ(gateway_.id_lookups, 1);
  const auto repaired = database_->jobs().find_by_jnid("old2");
  ASSERT_TRUE(repaired.ok() && repaired->has_value());
  EXPECT_EQ((*repaired)->status_name, "Permitting");
  EXPECT_EQ(*database_->jobs().count(domain::Presence::active), 8);
  const auto log = database_->sync_logs().latest();
  ASSERT_TRUE(log.ok() && log->has_value());
  EXPECT_EQ((*log)->repaired, 2);

  // The next run finds the counts equal: one id page, no lookup.
  const PullReport quiet = pull(PullEntity::jobs);
  EXPECT_EQ(quiet.repaired, 0);
  EXPECT_EQ(gateway_.id_lookups, 1);
}

TEST_F(ReconcileTest, ASecondThatCannotBeListedEndsPartialNamedAndIsRepaired) {
  // The listing cannot reach job d (a crowded second past every paging method) and says so.
  gateway_.unlistable_jnids = {"d"};
  const PullReport seed = pull(PullEntity::jobs, PullMode::full);
  EXPECT_EQ(seed.status, domain::SyncStatus::partial);
  ASSERT_FALSE(seed.errors.empty());
  EXPECT_EQ(seed.errors.front(),
            "listing jobs: date_updated 1002 holds 3 records; 1 could not be listed");
  // The id listing has it, so the same run fetched it by id: the mirror is complete already.
  EXPECT_EQ(seed.repaired, 1);
  EXPECT_TRUE((*database_->jobs().find_by_jnid("d")).has_value());

  // JobNimbus now lists it again: the next run succeeds and the mirror equals JobNimbus.
  gateway_.unlistable_jnids.clear();
  const PullReport next = pull(PullEntity::jobs);
  EXPECT_EQ(next.status, domain::SyncStatus::success) << ::testing::PrintToString(next.errors);
  EXPECT_EQ(*database_->jobs().list_jnids(domain::Presence::active),
            (std::vector<std::string>{"a", "b", "c", "d", "e", "f"}));
}

TEST_F(ReconcileTest, RowsLostBehindGepsBackAreRestoredByOneRun) {
  for (int n = 0; n < 4; ++n) {
    const std::string id = "ct" + std::to_string(n);
    gateway_.contacts_by_id[id] = make_contact(id, 900 + n);
  }
  for (int n = 0; n < 5; ++n) {
    const std::string id = "f" + std::to_string(n);
    gateway_.files_by_id[id] = make_file(id, "a", 950 + n);
  }
  for (const auto entity : {PullEntity::jobs, PullEntity::contacts, PullEntity::files}) {
    ASSERT_EQ(pull(entity).status, domain::SyncStatus::success);
  }
  auto connection = database_->open_dedicated_connection();
  ASSERT_TRUE(connection.ok());
  for (const char* sql :
       {"DELETE FROM jobs WHERE jnid IN ('b', 'e')", "DELETE FROM contacts WHERE jnid = 'ct2'",
        "DELETE FROM files WHERE jnid IN ('f0', 'f3', 'f4')"}) {
    ASSERT_TRUE((*connection)->execute(sql).ok()) << sql;
  }
  // A soft-deleted row JobNimbus still lists is restored and fetched again as well.
  ASSERT_EQ(*database_->contacts().mark_deleted(std::vector<std::string>{"ct1"}, 1'600'000'000), 1);
  clock_.advance(std::chrono::seconds(5));
  EXPECT_EQ(pull(PullEntity::jobs).repaired, 2);
  EXPECT_EQ(pull(PullEntity::contacts).repaired, 2);
  EXPECT_EQ(pull(PullEntity::files).repaired, 3);
  EXPECT_EQ(*database_->jobs().count(domain::Presence::active), 6);
  EXPECT_EQ(*database_->contacts().count(domain::Presence::active), 4);
  EXPECT_EQ(*database_->files().count(domain::Presence::active), 5);
}

TEST_F(ReconcileTest, ARefusedIdFilterFallsBackToOneReadPerRecord) {
  pull(PullEntity::jobs);
  gateway_.jobs_by_id["old1"] = make_job("old1", 500);
  gateway_.refuse_id_filters = true;
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.repaired, 1);
  EXPECT_TRUE((*database_->jobs().find_by_jnid("old1")).has_value());
}

TEST_F(ReconcileTest, FilesThatCannotBeFetchedLeaveTheRunPartialAndSaySo) {
  gateway_.files_by_id["f1"] = make_file("f1", "a", 950);
  ASSERT_EQ(pull(PullEntity::files).status, domain::SyncStatus::success);
  gateway_.files_by_id["f0"] = make_file("f0", "a", 10);  // dated before the cursor
  gateway_.refuse_id_filters = true;                      // and files have no single-record read
  const PullReport report = pull(PullEntity::files);
  EXPECT_EQ(report.status, domain::SyncStatus::partial);
  EXPECT_EQ(report.repaired, 0);
  ASSERT_FALSE(report.errors.empty());
  EXPECT_NE(report.errors.back().find("1 records the mirror lacks could not be fetched"),
            std::string::npos)
      << report.errors.back();
}

}  // namespace
}  // namespace gep::sync

// QC checks, risk snapshots, workflows and the bulk evaluation read, on both backends.
#include <vector>

#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using EvaluationRepositoriesTest = StoreTest;

// Jobs 1..n stored; answers their local ids in order.
std::vector<int64_t> store_jobs(store::Database& db, int count) {
  std::vector<domain::Job> jobs;
  for (int n = 1; n <= count; ++n) jobs.push_back(make_job(n));
  EXPECT_TRUE(db.jobs().upsert_batch(jobs));
  std::vector<int64_t> ids;
  for (int n = 1; n <= count; ++n)
    ids.push_back((*db.jobs().find_by_jnid("job" + std::to_string(n)))->id);
  return ids;
}

domain::QcCheck qc_check(int64_t job_id, std::string status, int64_t at) {
  domain::QcCheck check;
  check.job_id = job_id;
  check.status = std::move(status);
  check.before_count = 3;
  check.during_count = 1;
  check.after_count = 0;
  check.missing_json = R"([{"category":"AFTER","required":3,"current":0,"missing":3}])";
  check.photos_json = R"([{"photoId":"p1","category":"BEFORE"}])";
  check.checked_at = at;
  return check;
}

domain::RiskSnapshotRecord risk_snapshot(int64_t job_id, std::string level,
                                         std::vector<std::string> codes, int64_t at) {
  domain::RiskSnapshotRecord snapshot;
  snapshot.job_id = job_id;
  snapshot.risk_level = std::move(level);
  snapshot.reason_codes = std::move(codes);
  snapshot.reasons_json = R"([{"code":"STALE_JOB"}])";
  snapshot.actions_json = R"(["Call the customer"])";
  snapshot.status_name = "Sold";
  snapshot.evaluated_at = at;
  return snapshot;
}

TEST_P(EvaluationRepositoriesTest, QcChecksKeepHistoryAndOneLatestPerJob) {
  const auto ids = store_jobs(db(), 3);
  const std::vector<domain::QcCheck> first{qc_check(ids[0], "FAIL", 100),
                                           qc_check(ids[1], "PASS", 100)};
  ASSERT_TRUE(db().qc_checks().append(first));
  const std::vector<domain::QcCheck> second{qc_check(ids[0], "PASS", 200)};
  ASSERT_TRUE(db().qc_checks().append(second));

  const auto latest = db().qc_checks().latest(ids[0]);
  ASSERT_TRUE(latest && latest->has_value());
  EXPECT_EQ((*latest)->status, "PASS");
  EXPECT_EQ((*latest)->checked_at, 200);
  EXPECT_EQ((*latest)->last_checked_at, 200);
  EXPECT_EQ((*latest)->photos_json, first[0].photos_json);
  const auto history = db().qc_checks().history(ids[0], 10);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].status, "PASS");
  EXPECT_TRUE((*history)[0].is_latest);
  EXPECT_EQ((*history)[1].status, "FAIL");
  EXPECT_FALSE((*history)[1].is_latest);
  EXPECT_FALSE(db().qc_checks().latest(ids[2])->has_value());

  const auto both = db().qc_checks().latest_for_jobs(ids);
  ASSERT_TRUE(both);
  ASSERT_EQ(both->size(), 2U);
  ASSERT_TRUE(db().qc_checks().touch(std::vector<int64_t>{(*latest)->id}, 300));
  EXPECT_EQ((*db().qc_checks().latest(ids[0]))->last_checked_at, 300);
  EXPECT_EQ((*db().qc_checks().latest(ids[0]))->checked_at, 200);
}

TEST_P(EvaluationRepositoriesTest, QcOverviewListsEveryActiveJobWithItsLatestCheck) {
  const auto ids = store_jobs(db(), 5);
  ASSERT_TRUE(db().qc_checks().append(
      std::vector<domain::QcCheck>{qc_check(ids[0], "FAIL", 100), qc_check(ids[1], "PASS", 100),
                                   qc_check(ids[2], "NOT_CHECKED", 100)}));
  ASSERT_TRUE(db().jobs().mark_deleted(std::vector<std::string>{"job5"}, 50));

  const auto all = db().qc_checks().overview({});
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->total, 4);
  ASSERT_EQ(all->items.size(), 4U);
  EXPECT_EQ(all->items[0].status, "FAIL");
  EXPECT_EQ(all->items[0].before_count, 3);
  EXPECT_EQ(all->items[0].last_checked_at, 100);
  EXPECT_EQ(all->items[3].status, "NOT_CHECKED");  // never evaluated
  EXPECT_EQ(all->items[3].last_checked_at, 0);

  EXPECT_EQ(db().qc_checks().overview({50, 0, "NOT_CHECKED", ""})->total, 2);
  EXPECT_EQ(db().qc_checks().overview({50, 0, "PASS", ""})->total, 1);
  const auto page = db().qc_checks().overview({2, 2, "", ""});
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_EQ(page->items[0].job_id, ids[2]);
}

TEST_P(EvaluationRepositoriesTest, ANoteDeliveryStampsItsCheck) {
  const auto ids = store_jobs(db(), 1);
  domain::QcCheck check = qc_check(ids[0], "FAIL", 100);
  check.outbox_id = 77;
  ASSERT_TRUE(db().qc_checks().append(std::vector<domain::QcCheck>{check}));
  EXPECT_EQ(*db().qc_checks().mark_note_delivered(76, 150), 0);
  EXPECT_EQ(*db().qc_checks().mark_note_delivered(77, 150), 1);
  EXPECT_EQ((*db().qc_checks().latest(ids[0]))->jobnimbus_synced_at, 150);
}

TEST_P(EvaluationRepositoriesTest, ThousandsOfChecksGoInOneUnitOfWork) {
  const auto ids = store_jobs(db(), 1500);
  std::vector<domain::QcCheck> checks;
  for (const int64_t id : ids) checks.push_back(qc_check(id, "FAIL", 100));
  const Status stored = db().in_transaction([&](domain::Repositories& unit) -> Status {
    if (auto appended = unit.qc_checks().append(checks); !appended) return appended;
    return unit.qc_checks().append(checks);  // a second run: demotes all 1500
  });
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(db().qc_checks().latest_for_jobs(ids)->size(), 1500U);
  EXPECT_EQ(db().qc_checks().history(ids[700], 10)->size(), 2U);
}

// The slim latest reads evaluate-all compares against: only the latest rows, only their keys.
TEST_P(EvaluationRepositoriesTest, SlimLatestReadsAnswerTheLatestRowOfEachJob) {
  const auto ids = store_jobs(db(), 1500);
  std::vector<domain::QcCheck> checks;
  std::vector<domain::RiskSnapshotRecord> snapshots;
  for (const int64_t id : ids) {
    checks.push_back(qc_check(id, "FAIL", 100));
    snapshots.push_back(risk_snapshot(id, "MEDIUM", {"STALE_JOB"}, 100));
  }
  ASSERT_TRUE(db().qc_checks().append(checks));
  ASSERT_TRUE(db().risk_snapshots().append(snapshots));
  checks[700].status = "PASS";
  snapshots[700] = risk_snapshot(ids[700], "HIGH", {"STUCK_IN_STATUS", "STALE_JOB"}, 200);
  ASSERT_TRUE(db().qc_checks().append(std::span(checks).subspan(700, 1)));
  ASSERT_TRUE(db().risk_snapshots().append(std::span(snapshots).subspan(700, 1)));

  const auto statuses = db().qc_checks().latest_statuses_for_jobs(ids);
  ASSERT_TRUE(statuses) << statuses.error().message;
  ASSERT_EQ(statuses->size(), 1500U);
  EXPECT_EQ((*statuses)[0].job_id, ids[0]);
  EXPECT_EQ((*statuses)[0].status, "FAIL");
  EXPECT_EQ((*statuses)[0].missing_json, checks[0].missing_json);
  EXPECT_EQ((*statuses)[700].status, "PASS");
  EXPECT_EQ((*statuses)[700].id, (*db().qc_checks().latest(ids[700]))->id);

  const auto levels = db().risk_snapshots().latest_levels_for_jobs(ids);
  ASSERT_TRUE(levels) << levels.error().message;
  ASSERT_EQ(levels->size(), 1500U);
  EXPECT_EQ((*levels)[1499].job_id, ids[1499]);
  EXPECT_EQ((*levels)[1499].risk_level, "MEDIUM");
  EXPECT_EQ((*levels)[700].risk_level, "HIGH");
  EXPECT_EQ((*levels)[700].reason_codes,
            (std::vector<std::string>{"STUCK_IN_STATUS", "STALE_JOB"}));
  EXPECT_EQ((*levels)[700].id, (*db().risk_snapshots().latest(ids[700]))->id);
  EXPECT_TRUE(db().risk_snapshots().latest_levels_for_jobs({})->empty());
}

TEST_P(EvaluationRepositoriesTest, RiskSnapshotsRefreshInPlaceAndListWithFilters) {
  const auto ids = store_jobs(db(), 4);
  ASSERT_TRUE(db().risk_snapshots().append(std::vector<domain::RiskSnapshotRecord>{
      risk_snapshot(ids[0], "HIGH", {"STUCK_IN_STATUS", "STALE_JOB"}, 100),
      risk_snapshot(ids[1], "MEDIUM", {"STALE_JOB"}, 100), risk_snapshot(ids[2], "LOW", {}, 100),
      risk_snapshot(ids[3], "HIGH", {"MISSING_QC_PHOTOS"}, 100)}));

  const auto before = db().risk_snapshots().latest(ids[1]);
  ASSERT_TRUE(before && before->has_value());
  EXPECT_EQ((*before)->reason_codes, std::vector<std::string>{"STALE_JOB"});
  EXPECT_EQ((*before)->job_name, "Solar install 2");
  const std::vector<domain::RiskRefresh> refresh{
      {(*before)->id, R"([{"code":"STALE_JOB","days":9}])", R"(["x"])", "Permitting"}};
  ASSERT_TRUE(db().risk_snapshots().refresh(refresh, 200));
  const auto after = db().risk_snapshots().latest(ids[1]);
  EXPECT_EQ((*after)->evaluated_at, 100);
  EXPECT_EQ((*after)->last_evaluated_at, 200);
  EXPECT_EQ((*after)->reasons_json, refresh[0].reasons_json);
  EXPECT_EQ((*after)->status_name, "Permitting");
  EXPECT_EQ(db().risk_snapshots().history(ids[1], 10)->size(), 1U);

  ASSERT_TRUE(db().risk_snapshots().append(
      std::vector<domain::RiskSnapshotRecord>{risk_snapshot(ids[1], "HIGH", {"STALE_JOB"}, 300)}));
  EXPECT_EQ(db().risk_snapshots().history(ids[1], 10)->size(), 2U);

  domain::RiskListQuery query;
  const auto all = db().risk_snapshots().list_latest(query);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->total, 4);
  EXPECT_EQ(all->items.front().risk_level, "HIGH");
  EXPECT_EQ(all->items.back().risk_level, "LOW");
  query.level = "HIGH";
  EXPECT_EQ(db().risk_snapshots().list_latest(query)->total, 3);
  query.reason = "STALE_JOB";
  EXPECT_EQ(db().risk_snapshots().list_latest(query)->total, 2);
  query = {};
  query.reason = "MISSING_QC_PHOTOS";
  const auto qc = db().risk_snapshots().list_latest(query);
  ASSERT_EQ(qc->items.size(), 1U);
  EXPECT_EQ(qc->items[0].job_id, ids[3]);
  query = {};
  query.sort = domain::RiskSort::job_name;
  query.descending = false;
  query.limit = 2;
  query.offset = 1;
  const auto by_name = db().risk_snapshots().list_latest(query);
  ASSERT_EQ(by_name->items.size(), 2U);
  EXPECT_EQ(by_name->items[0].job_name, "Solar install 2");
  EXPECT_EQ(by_name->total, 4);
}

TEST_P(EvaluationRepositoriesTest, WorkflowsAreReplacedAsAWhole) {
  domain::WorkflowRecord solar{1, "job", "Residential Solar", true, "{}", {}};
  solar.statuses = {{10, "Sold", false, false, true, 1},
                    {11, "Paid & Closed", false, true, true, 2}};
  domain::WorkflowRecord retired{2,     "job", "Old",
                                 false, "{}",  {{20, "Lost", false, true, true, 0}}};
  ASSERT_TRUE(db().workflows().replace_all(std::vector<domain::WorkflowRecord>{solar, retired}));
  auto listed = db().workflows().list();
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].name, "Residential Solar");
  ASSERT_EQ((*listed)[0].statuses.size(), 2U);
  EXPECT_TRUE((*listed)[0].statuses[1].is_closed);
  EXPECT_FALSE((*listed)[1].is_active);

  const auto before = db().data_version({"workflows"});
  ASSERT_TRUE(db().workflows().replace_all(std::vector<domain::WorkflowRecord>{solar}));
  EXPECT_EQ(db().workflows().list()->size(), 1U);
  // Cached pages that list statuses in workflow order see the change.
  const auto after = db().data_version({"workflows"});
  ASSERT_TRUE(before && after);
  EXPECT_NE(*before, *after);
}

TEST_P(EvaluationRepositoriesTest, TheBulkReadGroupsFilesAndStatusChangesByJob) {
  const auto ids = store_jobs(db(), 4);
  std::vector<domain::File> files{make_file(1, "job2", domain::FileKind::photo),
                                  make_file(2, "job1", domain::FileKind::document),
                                  make_file(3, "job2", domain::FileKind::photo),
                                  make_file(4, "job4", domain::FileKind::photo)};
  ASSERT_TRUE(db().files().upsert_batch(files));
  std::vector<domain::Activity> activities{make_activity(1, "job2", true),
                                           make_activity(2, "job2", false)};
  ASSERT_TRUE(db().activities().upsert_batch(activities));
  ASSERT_TRUE(db().jobs().mark_deleted(std::vector<std::string>{"job4"}, 50));

  const auto first = db().evaluation_inputs().next_batch(0, 2);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->jobs.size(), 2U);
  EXPECT_EQ(first->jobs[0].jnid, "job1");
  ASSERT_EQ(first->files.size(), 3U);
  EXPECT_EQ(first->files[0].job_jnid, "job1");
  EXPECT_EQ(first->files[1].jnid, "file1");  // oldest first within job2
  EXPECT_EQ(first->files[2].jnid, "file3");
  EXPECT_EQ(first->files[1].kind, domain::FileKind::photo);
  ASSERT_EQ(first->status_changes.size(), 1U);
  EXPECT_EQ(first->status_changes[0].job_jnid, "job2");

  const auto second = db().evaluation_inputs().next_batch(first->jobs.back().id, 2);
  ASSERT_EQ(second->jobs.size(), 1U);  // job4 is deleted
  EXPECT_TRUE(second->files.empty());
  EXPECT_TRUE(db().evaluation_inputs().next_batch(second->jobs.back().id, 2)->jobs.empty());

  const auto picked = db().evaluation_inputs().for_jobs(std::vector<int64_t>{ids[1], ids[3]});
  ASSERT_EQ(picked->jobs.size(), 1U);
  EXPECT_EQ(picked->files.size(), 2U);
  EXPECT_EQ(*db().evaluation_inputs().count_active_jobs(), 3);
}

TEST_P(EvaluationRepositoriesTest, ChangedJobsAreThoseWhoseRecordFilesOrActivitiesMoved) {
  store_jobs(db(), 3);
  const int64_t since = to_unix_seconds(clock_.now()) + 60;
  clock_.advance(std::chrono::minutes(2));
  std::vector<domain::File> files{make_file(1, "job2", domain::FileKind::photo)};
  ASSERT_TRUE(db().files().upsert_batch(files));
  std::vector<domain::Activity> activities{make_activity(1, "job3", true)};
  ASSERT_TRUE(db().activities().upsert_batch(activities));
  const auto changed = db().evaluation_inputs().changed_job_ids(since);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->size(), 2U);
  EXPECT_EQ(db().evaluation_inputs().changed_job_ids(0)->size(), 3U);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(EvaluationRepositoriesTest);

}  // namespace
}  // namespace gep::test

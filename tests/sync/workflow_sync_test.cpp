// Every jobs pull stores the account's workflows (GET /account/settings) for risk's closed
// statuses; a failing settings request marks the pull PARTIAL and keeps the jobs.
#include "sync/sync_fixture.h"
#include "sync/sync_service.h"

namespace gep::sync {
namespace {

using WorkflowSyncTest = SyncFixture;

jobnimbus::AccountSettings settings_with(std::vector<std::string> closed) {
  jobnimbus::Workflow solar;
  solar.id = 7;
  solar.object_type = "job";
  solar.name = "Residential Solar";
  for (size_t i = 0; i < closed.size(); ++i) {
    jobnimbus::WorkflowStatus status;
    status.id = static_cast<int64_t>(100 + i);
    status.name = closed[i];
    status.is_closed = true;
    solar.statuses.push_back(status);
  }
  jobnimbus::WorkflowStatus open;
  open.name = "Sold";  // no id on the wire: stored by position
  solar.statuses.push_back(open);
  jobnimbus::AccountSettings settings;
  settings.workflows.push_back(solar);
  return settings;
}

TEST_F(WorkflowSyncTest, AJobsPullStoresTheWorkflowsAndTheirClosedStatuses) {
  gateway_.settings = settings_with({"Lost", "Paid & Closed"});
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  const auto workflows = database_->workflows().list();
  ASSERT_TRUE(workflows) << workflows.error().message;
  ASSERT_EQ(workflows->size(), 1U);
  EXPECT_EQ((*workflows)[0].name, "Residential Solar");
  EXPECT_EQ((*workflows)[0].jn_workflow_id, 7);
  ASSERT_EQ((*workflows)[0].statuses.size(), 3U);
  EXPECT_TRUE((*workflows)[0].statuses[0].is_closed);
  EXPECT_FALSE((*workflows)[0].statuses[2].is_closed);

  gateway_.settings = settings_with({"Lost"});  // an account edit: replaced, not merged
  (void)pull(PullEntity::jobs);
  EXPECT_EQ((*database_->workflows().list())[0].statuses.size(), 2U);
}

TEST_F(WorkflowSyncTest, FailingSettingsMakeThePullPartialButKeepTheJobs) {
  gateway_.fail_settings = true;
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::partial);
  EXPECT_EQ(report.created, 6);
  ASSERT_EQ(report.errors.size(), 1U);
  EXPECT_NE(report.errors[0].find("account settings"), std::string::npos);
}

TEST_F(WorkflowSyncTest, TheServiceCallsItsHookWithTheRunsStartAfterEveryPull) {
  SyncService service(gateway_, *database_, clock_, SyncSettings{});
  std::vector<int64_t> starts;
  service.set_after_run([&starts](int64_t started_at) { starts.push_back(started_at); });
  ASSERT_TRUE(service.pull(PullEntity::jobs, PullMode::incremental, "test"));
  ASSERT_TRUE(service.pull_all(PullMode::incremental, "test"));
  ASSERT_TRUE(service.sync_files_of({"a"}));
  ASSERT_EQ(starts.size(), 3U);
  EXPECT_EQ(starts[0], to_unix_seconds(clock_.now()));
}

TEST_F(WorkflowSyncTest, ActivityShowsTheRunningPullWithItsProgressThenNothing) {
  SyncService service(gateway_, *database_, clock_, SyncSettings{});
  EXPECT_FALSE(service.activity().running);
  std::vector<SyncActivity> seen;
  service.set_after_run([&](int64_t) { seen.push_back(service.activity()); });
  ASSERT_TRUE(service.pull(PullEntity::jobs, PullMode::incremental, "dashboard"));
  ASSERT_TRUE(service.sync_files_of({"a"}));
  ASSERT_EQ(seen.size(), 2U);
  EXPECT_TRUE(seen[0].running);
  EXPECT_EQ(seen[0].what, "jobs");
  EXPECT_EQ(seen[0].trigger, "dashboard");
  EXPECT_EQ(seen[0].started_at, to_unix_seconds(clock_.now()));
  EXPECT_EQ(seen[0].fetched, 6);
  EXPECT_GE(seen[0].total, seen[0].fetched);
  EXPECT_TRUE(seen[1].running);
  EXPECT_EQ(seen[1].what, "photos");
  EXPECT_FALSE(service.activity().running);
  EXPECT_EQ(service.activity().what, "");
  EXPECT_EQ(describe(service.activity()), "No sync is running.");
  SyncActivity listing = seen[0];
  listing.started_at = 1'700'000'000;
  listing.total = 2000;
  listing.fetched = 1200;
  EXPECT_EQ(
      describe(listing),
      "Syncing jobs (started 2023-11-14 22:13 UTC by dashboard): 1200 of 2000 records listed.");
  listing.total = 0;  // JobNimbus gave no count
  EXPECT_EQ(describe(listing),
            "Syncing jobs (started 2023-11-14 22:13 UTC by dashboard): 1200 records listed.");
}

}  // namespace
}  // namespace gep::sync

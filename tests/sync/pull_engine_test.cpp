#include "sync/pull_engine.h"

#include "sync/sync_fixture.h"

namespace gep::sync {
namespace {

using PullEngineTest = SyncFixture;

TEST_F(PullEngineTest, FirstPullStoresEverythingOnceWithContactLinks) {
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  EXPECT_EQ(report.fetched, 6);
  EXPECT_EQ(report.created, 6);
  EXPECT_TRUE(report.listing_completed);
  const auto page = database_->jobs().list({100, 0, "", "", false});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 6);
  const auto job = database_->jobs().find_by_jnid("d");
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->customer_name, "Zoë Ångström");
  EXPECT_EQ((*job)->jn_date_updated, 1002);
  const auto links = database_->job_contacts().list_for_job("d");
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1U);
  EXPECT_TRUE((*links)[0].is_primary);
  const auto log = database_->sync_logs().latest();
  ASSERT_TRUE(log.ok() && log->has_value());
  EXPECT_EQ((*log)->status, domain::SyncStatus::success);
  EXPECT_EQ((*log)->created, 6);
}

TEST_F(PullEngineTest, IncrementalPullReadsOnlyWhatChanged) {
  pull(PullEntity::jobs);
  auto changed = make_job("b", 2000, "Permitting");
  gateway_.jobs_by_id["b"] = changed;
  gateway_.jobs_by_id["g"] = make_job("g", 2001);
  const int requests_before = gateway_.requests;
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  EXPECT_EQ(report.created, 1);
  EXPECT_EQ(report.updated, 1);
  EXPECT_EQ(report.fetched, 2);
  // One short listing page, then one id page whose count (7) equals the mirror's: no full listing.
  EXPECT_EQ(gateway_.requests - requests_before, 1 + 1);
  const auto job = database_->jobs().find_by_jnid("b");
  EXPECT_EQ((*job)->status_name, "Permitting");
}

TEST_F(PullEngineTest, ReconciliationSoftDeletesAndRestores) {
  pull(PullEntity::jobs);
  gateway_.jobs_by_id["c"].is_active = false;
  PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.deleted, 1);
  auto job = database_->jobs().find_by_jnid("c");
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_TRUE((*job)->deleted_at.has_value());
  gateway_.jobs_by_id["c"].is_active = true;
  report = pull(PullEntity::jobs);
  EXPECT_EQ(report.undeleted, 1);
  job = database_->jobs().find_by_jnid("c");
  EXPECT_FALSE((*job)->deleted_at.has_value());
}

TEST_F(PullEngineTest, AnIncompleteIdListingDeletesNothing) {
  pull(PullEntity::jobs);
  gateway_.jobs_by_id["c"].is_active = false;  // the counts now differ: a full id listing runs
  gateway_.id_listing_warning = "a second holds more records than the result window";
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.deleted, 0);
  EXPECT_EQ(report.status, domain::SyncStatus::partial);
  ASSERT_FALSE(report.errors.empty());
  EXPECT_NE(report.errors.back().find("id listing was incomplete"), std::string::npos);
  EXPECT_FALSE((*database_->jobs().find_by_jnid("c"))->deleted_at.has_value());
}

TEST_F(PullEngineTest, FailedListingEndsPartialAndTheNextRunResumes) {
  gateway_.fail_after_pages = 1;
  PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::partial);
  EXPECT_FALSE(report.listing_completed);
  EXPECT_EQ(report.created, 3);
  ASSERT_FALSE(report.errors.empty());
  EXPECT_NE(report.errors[0].find("503"), std::string::npos);
  EXPECT_EQ(report.deleted, 0);  // never reconcile from a partial listing

  gateway_.fail_after_pages = -1;
  report = pull(PullEntity::jobs, PullMode::full);  // a full pull resumes the interrupted one
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  EXPECT_EQ(report.created, 3);
  EXPECT_EQ(report.fetched, 3);
  EXPECT_EQ(database_->jobs().list({100, 0, "", "", false})->total, 6);
}

TEST_F(PullEngineTest, TransientErrorsAreRetried) {
  gateway_.fail_requests = 2;
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  EXPECT_EQ(report.created, 6);
}

TEST_F(PullEngineTest, UnusableRecordIsSkippedAndTheRunGoesOn) {
  gateway_.unusable_jnids = {"c"};
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::partial);
  EXPECT_EQ(report.failed, 1);
  EXPECT_EQ(report.created, 5);
  ASSERT_EQ(report.errors.size(), 1U);
  EXPECT_EQ(report.errors[0], "skipped jobs record c: jnid has the wrong type");
}

TEST_F(PullEngineTest, FilesPullMarksJobsFilesSynced) {
  pull(PullEntity::jobs);
  jobnimbus::FileRecord photo;
  photo.jnid = "p1";
  photo.filename = "IMG_1.jpg";
  photo.description = "after - south array";
  photo.record_type = 2;
  photo.record_type_name = "Photo";
  photo.date_updated = 1500;
  photo.primary = jobnimbus::RecordRef{"a", "job", "Job a", ""};
  photo.raw_json = "{}";
  gateway_.files_by_id["p1"] = photo;
  const PullReport report = pull(PullEntity::files);
  EXPECT_EQ(report.created, 1);
  const auto files = database_->files().list_for_job("a");
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 1U);
  EXPECT_EQ((*files)[0].kind, domain::FileKind::photo);
  EXPECT_EQ((*files)[0].caption, "after - south array");
  EXPECT_EQ((*database_->jobs().find_by_jnid("f"))->files_synced_at, 1'700'000'000);
}

}  // namespace
}  // namespace gep::sync

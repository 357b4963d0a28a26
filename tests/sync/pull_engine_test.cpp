#include "sync/pull_engine.h"

#include <thread>

#include "sync/record_mapping.h"
#include "sync/recording_store.h"
#include "sync/sync_fixture.h"

namespace gep::sync {
namespace {

using PullEngineTest = SyncFixture;

// Active jobs in the mirror after each transaction of a jobs pull that pages one job at a time.
std::vector<int64_t> committed_job_counts(domain::DataStore& database,
                                          testing::FakeGateway& gateway, ManualClock& clock,
                                          size_t pages_per_transaction, int wait_for_pages) {
  gateway.page_size = 1;
  testing::RecordingStore store(database);
  std::vector<int64_t> counts;
  bool first = true;
  store.before_transaction = [&] {
    // Hold the first transaction until the prefetcher has fetched ahead; it may not wait for
    // pages itself (it would hold the write lock while the network is slow).
    if (!std::exchange(first, false)) return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (gateway.pages_served < wait_for_pages) {
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "the prefetcher served only " << gateway.pages_served << " pages";
        return;
      }
      std::this_thread::yield();
    }
  };
  store.after_transaction = [&] {
    counts.push_back(*database.jobs().count(domain::Presence::all));
  };
  PullOptions options;
  options.mode = PullMode::full;
  options.pages_per_transaction = pages_per_transaction;
  const PullReport report = PullEngine(gateway, store, clock).pull(PullEntity::jobs, options);
  EXPECT_EQ(report.status, domain::SyncStatus::success) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.created, 6);
  return counts;
}

TEST_F(PullEngineTest, FirstPullStoresEverythingOnceWithContactLinks) {
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  EXPECT_EQ(report.fetched, 6);
  EXPECT_EQ(report.created, 6);
  EXPECT_TRUE(report.listing_completed);
  const auto page = database_->jobs().list({100, 0, "", "", false, ""});
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
  // No time passes between the runs: the listing starts on the next second, so what the first
  // run stored is judged.
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

TEST_F(PullEngineTest, ARecordWrittenWhileIdsAreListedIsNotDeletedByThatListing) {
  pull(PullEntity::jobs);
  clock_.advance(std::chrono::minutes(5));
  gateway_.jobs_by_id.erase("f");  // deleted in JobNimbus: the counts differ, all ids are listed
  int id_pages = 0;
  bool written = false;
  gateway_.during_id_listing = [&] {
    // Page 1 is the count that decides a listing is needed; while the listing's own first page
    // is served, a webhook stores job g, created in JobNimbus after the listing passed its place.
    if (++id_pages != 2) return;
    written = true;
    const std::vector<domain::Job> created{to_domain(make_job("g", 5000))};
    ASSERT_TRUE(database_->jobs().upsert_batch(created).ok());
  };
  const PullReport report = pull(PullEntity::jobs);
  EXPECT_TRUE(written);
  EXPECT_EQ(report.deleted, 1);  // f
  EXPECT_TRUE((*database_->jobs().find_by_jnid("f"))->deleted_at.has_value());
  EXPECT_FALSE((*database_->jobs().find_by_jnid("g"))->deleted_at.has_value());
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
  EXPECT_EQ(database_->jobs().list({100, 0, "", "", false, ""})->total, 6);
}

TEST_F(PullEngineTest, PagesAlreadyFetchedCommitTogetherWithinTheBudget) {
  // The prefetcher asks for page 5 only once page 4 waits: pages 2-4 are then ready behind page
  // 1, and a budget of 4 pages takes exactly those (page 5 may be ready too).
  const auto counts = committed_job_counts(*database_, gateway_, clock_, 4, 5);
  ASSERT_FALSE(counts.empty());
  EXPECT_EQ(counts.front(), 4);
  EXPECT_EQ(counts.back(), 6);
  // The cursor committed with each group covers it: an incremental run finds nothing new.
  const PullReport again = pull(PullEntity::jobs);
  EXPECT_EQ(again.fetched, 0);
  EXPECT_EQ(again.created + again.updated, 0);
}

TEST_F(PullEngineTest, ABudgetOfOnePageCommitsEveryPageAlone) {
  const auto counts = committed_job_counts(*database_, gateway_, clock_, 1, 2);
  std::vector<int64_t> growth;
  for (size_t i = 0; i < counts.size(); ++i) {
    const int64_t before = i == 0 ? 0 : counts[i - 1];
    if (counts[i] != before) growth.push_back(counts[i] - before);
  }
  EXPECT_EQ(growth, std::vector<int64_t>(6, 1));
}

TEST_F(PullEngineTest, ContactLinksAreRewrittenOnlyForJobsThatChanged) {
  pull(PullEntity::jobs);
  // A link no pull would write, on job a: it stays as long as job a is stored unchanged.
  const std::vector<domain::JobContact> extra{{"a", "c-extra", false}};
  ASSERT_TRUE(database_->job_contacts().replace_for_jobs({}, extra).ok());
  auto moved = make_job("b", 2000);
  moved.primary = jobnimbus::RecordRef{"c-new", "contact", "New Owner", ""};
  gateway_.jobs_by_id["b"] = moved;
  PullOptions options;
  options.mode = PullMode::full;  // reads a again too
  options.resume_full = false;
  const PullReport report =
      PullEngine(gateway_, *database_, clock_).pull(PullEntity::jobs, options);
  EXPECT_EQ(report.updated, 1);
  EXPECT_EQ(report.unchanged, 5);
  const auto b_links = database_->job_contacts().list_for_job("b");
  ASSERT_TRUE(b_links.ok());
  ASSERT_EQ(b_links->size(), 1U);
  EXPECT_EQ((*b_links)[0].contact_jnid, "c-new");
  EXPECT_EQ(database_->job_contacts().list_for_job("a")->size(), 2U);
}

TEST_F(PullEngineTest, AFailedPageEndsTheGroupAfterStoringThePagesBeforeIt) {
  gateway_.page_size = 1;
  gateway_.fail_after_pages = 3;  // pages 1-3 arrive, then every request fails
  PullOptions options;
  options.mode = PullMode::full;
  PullReport report = PullEngine(gateway_, *database_, clock_).pull(PullEntity::jobs, options);
  EXPECT_EQ(report.status, domain::SyncStatus::partial);
  EXPECT_FALSE(report.listing_completed);
  EXPECT_EQ(report.created, 3);
  ASSERT_EQ(report.errors.size(), 1U);
  EXPECT_NE(report.errors[0].find("503"), std::string::npos);
  EXPECT_EQ(*database_->jobs().count(domain::Presence::all), 3);

  gateway_.fail_after_pages = -1;
  report = PullEngine(gateway_, *database_, clock_).pull(PullEntity::jobs, options);
  EXPECT_EQ(report.status, domain::SyncStatus::success);
  EXPECT_EQ(report.created, 3);  // resumed after page 3: nothing read twice
  EXPECT_EQ(report.fetched, 3);
  EXPECT_EQ(*database_->jobs().count(domain::Presence::all), 6);
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

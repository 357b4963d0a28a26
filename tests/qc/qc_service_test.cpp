// QcService over a real store (SQLite and PostgreSQL) and a ManualClock: inputs from the mirror,
// the history rule, and the note that goes to the outbox only when a job's QC status changes.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "qc/qc_service.h"
#include "store/store_fixture.h"
#include "store/test_database.h"
#include "store/test_records.h"

namespace gep::qc {
namespace {

using test::make_file;
using test::make_job;

domain::File photo(int n, const std::string& job_jnid, const std::string& caption) {
  domain::File file = make_file(n, job_jnid, domain::FileKind::photo);
  file.caption = caption;
  file.filename = "IMG_" + std::to_string(n) + ".jpg";
  return file;
}

class QcServiceTest : public ::testing::TestWithParam<test::Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == test::Backend::postgres && !test::postgres_test_url()) {
      if (test::postgres_skip_allowed()) GTEST_SKIP() << "GEP_ALLOW_SKIP_POSTGRES=1";
      FAIL() << "GEP_TEST_DATABASE_URL is not set (scripts/pg-test-cluster.sh start)";
    }
    auto created = test::TestDatabase::create(GetParam());
    ASSERT_TRUE(created) << created.error().message;
    database_ = std::move(created).value();
    auto opened = database_->open(&clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    db_ = std::move(opened).value();
    ASSERT_TRUE(db_->migrate());
    service_ = std::make_unique<QcService>(*db_, clock_, QcEngine{}, &notes_);
  }

  // A Completed job whose files were synced, with `before`/`during`/`after` captioned photos.
  int64_t add_job(int n, int before, int during, int after, int64_t files_synced = 1) {
    domain::Job job = make_job(n);
    job.status_name = "Completed";
    EXPECT_TRUE(db_->jobs().upsert_batch(std::vector<domain::Job>{job}));
    add_photos(n, before, during, after);
    if (files_synced != 0) {
      EXPECT_TRUE(db_->jobs().mark_files_synced(std::vector<std::string>{job.jnid}, files_synced));
    }
    return (*db_->jobs().find_by_jnid(job.jnid))->id;
  }

  void add_photos(int n, int before, int during, int after) {
    std::vector<domain::File> files;
    const std::string jnid = "job" + std::to_string(n);
    for (int i = 0; i < before; ++i) files.push_back(photo(next_file_++, jnid, "pre-install roof"));
    for (int i = 0; i < during; ++i) files.push_back(photo(next_file_++, jnid, "racking"));
    for (int i = 0; i < after; ++i) files.push_back(photo(next_file_++, jnid, "final"));
    EXPECT_TRUE(db_->files().upsert_batch(files));
  }

  // Records notes instead of queueing them, and can fail on demand.
  struct RecordingNotes final : QcNoteQueue {
    std::vector<std::string> texts;
    bool fail_next = false;
    Result<int64_t> enqueue(domain::Repositories&, int64_t, const std::string&,
                            const std::string& note) override {
      if (fail_next) return fail("outbox", "simulated outbox failure");
      texts.push_back(note);
      return static_cast<int64_t>(1000 + texts.size());
    }
  };

  ManualClock clock_;
  RecordingNotes notes_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<QcService> service_;
  int next_file_ = 1;
};

TEST_P(QcServiceTest, EvaluatesAJobFromItsMirroredPhotos) {
  const int64_t id = add_job(1, 3, 2, 1);
  const auto check = service_->evaluate_job(id);
  ASSERT_TRUE(check) << check.error().message;
  ASSERT_TRUE(check->has_value());
  EXPECT_EQ((*check)->status, "FAIL");
  EXPECT_EQ((*check)->before_count, 3);
  EXPECT_EQ((*check)->during_count, 2);
  EXPECT_EQ((*check)->after_count, 1);
  const nlohmann::json json = check_to_json(**check);
  EXPECT_EQ(json["jobId"], std::to_string(id));
  EXPECT_EQ(json["totalPhotos"]["AFTER"], 1);
  EXPECT_EQ(json["missingCategories"][0]["category"], "AFTER");
  EXPECT_EQ(json["missingCategories"][0]["missing"], 2);
  EXPECT_TRUE(json["jobNimbusSyncedAt"].is_null());
  EXPECT_EQ(json["checkedAt"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(json["photos"].size(), 6U);
  EXPECT_EQ(json["photos"][0]["reason"], "caption says 'pre-install'");
  EXPECT_TRUE(notes_.texts.empty());  // a job's first evaluation is not a change: no note
}

TEST_P(QcServiceTest, NeverSyncedPhotosAreNotCheckedAndQueueNoNote) {
  const int64_t id = add_job(1, 0, 0, 0, 0);
  const auto check = service_->evaluate_job(id);
  ASSERT_TRUE(check && check->has_value());
  EXPECT_EQ((*check)->status, "NOT_CHECKED");
  EXPECT_FALSE((*check)->status_reason.empty());
  EXPECT_TRUE(notes_.texts.empty());
}

TEST_P(QcServiceTest, AnUnchangedResultIsConfirmedNotDuplicated) {
  const int64_t id = add_job(1, 3, 2, 1);
  ASSERT_TRUE(service_->evaluate_job(id));
  clock_.advance(std::chrono::hours(24));
  const auto again = service_->evaluate_job(id);
  ASSERT_TRUE(again && again->has_value());
  EXPECT_EQ((*again)->checked_at, 1'700'000'000);
  EXPECT_EQ((*again)->last_checked_at, 1'700'000'000 + 86'400);
  EXPECT_EQ(db_->qc_checks().history(id, 10)->size(), 1U);
  EXPECT_TRUE(notes_.texts.empty());
}

TEST_P(QcServiceTest, AFlipToPassQueuesExactlyOneMoreNote) {
  const int64_t id = add_job(1, 3, 2, 1);
  ASSERT_TRUE(service_->evaluate_job(id));
  add_photos(1, 0, 0, 1);  // still FAIL: 2 AFTER photos, counts change, status does not
  clock_.advance(std::chrono::minutes(15));
  ASSERT_TRUE(service_->evaluate_job(id));
  EXPECT_TRUE(notes_.texts.empty());
  EXPECT_EQ(db_->qc_checks().history(id, 10)->size(), 2U);

  add_photos(1, 0, 0, 1);
  clock_.advance(std::chrono::minutes(15));
  const auto passed = service_->evaluate_job(id);
  ASSERT_TRUE(passed && passed->has_value());
  EXPECT_EQ((*passed)->status, "PASS");
  EXPECT_TRUE((*passed)->result_changed);
  EXPECT_EQ((*passed)->outbox_id, 1001);
  ASSERT_EQ(notes_.texts.size(), 1U);
  EXPECT_EQ(notes_.texts[0], "QC Review: PASS \u2014 3 BEFORE, 2 DURING, 3 AFTER photos");
  ASSERT_TRUE(service_->evaluate_job(id));
  EXPECT_EQ(notes_.texts.size(), 1U);
}

TEST_P(QcServiceTest, ANoteThatCannotBeQueuedLeavesNoCheckBehind) {
  const int64_t id = add_job(1, 3, 2, 1);
  ASSERT_TRUE(service_->evaluate_job(id));  // FAIL, the first result: no note
  add_photos(1, 0, 0, 2);                   // now PASS: a note is due
  notes_.fail_next = true;
  const auto check = service_->evaluate_job(id);
  ASSERT_FALSE(check);
  EXPECT_EQ((*db_->qc_checks().latest(id))->status, "FAIL");  // same transaction: both or neither
}

TEST_P(QcServiceTest, TheRealOutboxGetsTheNoteInTheSameTransaction) {
  OutboxQcNoteQueue outbox;
  QcService service(*db_, clock_, QcEngine{}, &outbox);
  const int64_t id = add_job(1, 3, 2, 1);
  ASSERT_TRUE(service.evaluate_job(id));  // FAIL, the first result: no note
  add_photos(1, 0, 0, 2);
  clock_.advance(std::chrono::minutes(15));
  const auto check = service.evaluate_job(id);
  ASSERT_TRUE(check && check->has_value()) << (check ? "" : check.error().message);
  ASSERT_TRUE((*check)->outbox_id.has_value());
  const auto item = db_->outbox().find(*(*check)->outbox_id);
  ASSERT_TRUE(item && item->has_value());
  EXPECT_EQ((*item)->kind, domain::OutboxKind::note);
  EXPECT_EQ((*item)->job_jnid, "job1");
  EXPECT_EQ((*item)->source, "qc");
  EXPECT_EQ(nlohmann::json::parse((*item)->payload_json)["text"],
            "QC Review: PASS \u2014 3 BEFORE, 2 DURING, 3 AFTER photos");
}

TEST_P(QcServiceTest, EvaluateAllStreamsEveryJobInBatchesAndCountsAddUp) {
  std::vector<domain::Job> jobs;
  for (int n = 1; n <= 2'345; ++n) {
    domain::Job job = make_job(n);
    job.status_name = n % 2 == 0 ? "Completed" : "Lead";
    jobs.push_back(job);
  }
  ASSERT_TRUE(db_->jobs().upsert_batch(jobs));
  std::vector<std::string> jnids;
  for (const auto& job : jobs) jnids.push_back(job.jnid);
  ASSERT_TRUE(db_->jobs().mark_files_synced(jnids, 1));
  const QcRunReport report = service_->evaluate_all(500);
  EXPECT_EQ(report.total, 2'345);
  EXPECT_EQ(report.succeeded, 2'345);
  EXPECT_EQ(report.failed, 0);
  EXPECT_EQ(report.changed, 2'345);
  EXPECT_EQ(db_->qc_checks().overview({1, 0, "FAIL", ""})->total, 1'172);  // Completed, no photos
  EXPECT_EQ(db_->qc_checks().overview({1, 0, "NOT_CHECKED", ""})->total, 1'173);  // Lead
  EXPECT_EQ(report.notes_queued, 0);  // first evaluations: nothing changed yet

  const QcRunReport again = service_->evaluate_all(500);
  EXPECT_EQ(again.succeeded, 2'345);
  EXPECT_EQ(again.changed, 0);
  EXPECT_EQ(again.notes_queued, 0);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(QcServiceTest);

}  // namespace
}  // namespace gep::qc

#include "sync/job_files_sync.h"

#include "sync/sync_fixture.h"

namespace gep::sync {
namespace {

using JobFilesSyncTest = SyncFixture;

jobnimbus::FileRecord file_of(const std::string& jnid, const std::string& job,
                              int64_t record_type) {
  jobnimbus::FileRecord file;
  file.jnid = jnid;
  file.filename = jnid + ".jpg";
  file.record_type = record_type;
  file.record_type_name = record_type == 2 ? "Photo" : "Document";
  file.date_updated = 1500;
  file.primary = jobnimbus::RecordRef{job, "job", "", ""};
  file.raw_json = "{}";
  return file;
}

TEST_F(JobFilesSyncTest, SyncsEachJobAndReportsThePhotos) {
  pull(PullEntity::jobs);
  gateway_.files_by_id["p1"] = file_of("p1", "a", 2);
  gateway_.files_by_id["p2"] = file_of("p2", "a", 2);
  gateway_.files_by_id["d1"] = file_of("d1", "a", 1);
  gateway_.files_by_id["p3"] = file_of("p3", "b", 2);
  const auto report = sync_job_files(gateway_, *database_, clock_, {"a", "b"});
  EXPECT_EQ(report.total, 2);
  EXPECT_EQ(report.succeeded, 2);
  EXPECT_EQ(report.failed, 0);
  EXPECT_EQ(report.total_photos_synced, 3);
  EXPECT_EQ(database_->files().list_for_job("a")->size(), 3U);
  EXPECT_EQ((*database_->jobs().find_by_jnid("a"))->files_synced_at, 1'700'000'000);
}

TEST_F(JobFilesSyncTest, AFileGoneFromJobNimbusIsSoftDeleted) {
  pull(PullEntity::jobs);
  gateway_.files_by_id["p1"] = file_of("p1", "a", 2);
  gateway_.files_by_id["p2"] = file_of("p2", "a", 2);
  sync_job_files(gateway_, *database_, clock_, {"a"});
  gateway_.files_by_id["p2"].is_active = false;
  sync_job_files(gateway_, *database_, clock_, {"a"});
  const auto files = database_->files().list_for_job("a");
  ASSERT_EQ(files->size(), 1U);
  EXPECT_EQ((*files)[0].jnid, "p1");
}

TEST_F(JobFilesSyncTest, UnknownJobIsReportedAndOthersGoOn) {
  pull(PullEntity::jobs);
  gateway_.jobs_by_id.erase("zz");
  const auto report = sync_job_files(gateway_, *database_, clock_, {"a", "zz"});
  EXPECT_EQ(report.succeeded, 2);  // JobNimbus lists no files for an unknown job: not an error
  EXPECT_EQ(report.failed, 0);
}

}  // namespace
}  // namespace gep::sync

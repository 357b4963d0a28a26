// QC evaluation: status rule, exact missing lists and note text, per-type requirements,
// duplicates and reviewer flags.
#include "qc/evaluation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gep::qc {
namespace {

const TimePoint kCheckedAt = from_unix_seconds(1'720'000'000);

QcPhoto photo(std::string caption, int64_t taken = 0, std::string md5 = {}) {
  static int next_id = 0;
  QcPhoto out;
  out.jnid = "p" + std::to_string(++next_id);
  out.caption = std::move(caption);
  out.filename = "IMG_" + std::to_string(next_id) + ".JPG";
  out.date_file_created = taken;
  out.md5 = std::move(md5);
  return out;
}

QcJobInput job(std::string status, int before, int during, int after) {
  QcJobInput input;
  input.job_id = "job-1";
  input.record_type_name = "Residential";
  input.status_name = std::move(status);
  input.photos_synced = true;
  for (int i = 0; i < before; ++i) input.photos.push_back(photo("before"));
  for (int i = 0; i < during; ++i) input.photos.push_back(photo("racking"));
  for (int i = 0; i < after; ++i) input.photos.push_back(photo("after"));
  return input;
}

TEST(QcEvaluation, PassWithTheNoteText) {
  const QcResult result = QcEngine{}.evaluate(job("Completed", 3, 2, 3), kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::pass);
  EXPECT_EQ(result.total_photos, (CategoryCounts{3, 2, 3, 0}));
  EXPECT_TRUE(result.missing_categories.empty());
  EXPECT_EQ(result.summary, "QC Review: PASS \u2014 3 BEFORE, 2 DURING, 3 AFTER photos");
  EXPECT_EQ(result.checked_at, kCheckedAt);
  EXPECT_EQ(result.job_id, "job-1");
  EXPECT_EQ(result.stage, JobStage::complete);
}

TEST(QcEvaluation, FailListsExactlyWhatIsMissing) {
  const QcResult result = QcEngine{}.evaluate(job("Completed", 3, 1, 1), kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::fail);
  const std::vector<MissingCategory> expected{{PhotoCategory::during, 2, 1, 1},
                                              {PhotoCategory::after, 3, 1, 2}};
  EXPECT_EQ(result.missing_categories, expected);
  EXPECT_EQ(result.summary, "QC Review: FAIL \u2014 missing 2 AFTER photos, 1 DURING photo");
}

TEST(QcEvaluation, OnlyCategoriesRequiredAtTheStageCanFail) {
  struct Case {
    const char* status;
    int before, during, after;
    QcStatus expected;
    const char* summary;
  };
  const Case cases[] = {
      {"Sold", 3, 0, 0, QcStatus::pass,
       "QC Review: PASS \u2014 3 BEFORE, 0 DURING, 0 AFTER photos"},
      {"Sold", 0, 0, 0, QcStatus::fail, "QC Review: FAIL \u2014 missing 3 BEFORE photos"},
      {"Permitting", 2, 0, 0, QcStatus::fail, "QC Review: FAIL \u2014 missing 1 BEFORE photo"},
      {"Scheduled", 3, 0, 0, QcStatus::pass,
       "QC Review: PASS \u2014 3 BEFORE, 0 DURING, 0 AFTER photos"},
      {"In Progress", 3, 0, 0, QcStatus::fail, "QC Review: FAIL \u2014 missing 2 DURING photos"},
      {"In Progress", 3, 2, 0, QcStatus::pass,
       "QC Review: PASS \u2014 3 BEFORE, 2 DURING, 0 AFTER photos"},
      {"Invoiced", 1, 1, 1, QcStatus::fail,
       "QC Review: FAIL \u2014 missing 2 BEFORE photos, 2 AFTER photos, 1 DURING photo"},
  };
  for (const Case& c : cases) {
    const QcResult result =
        QcEngine{}.evaluate(job(c.status, c.before, c.during, c.after), kCheckedAt);
    EXPECT_EQ(result.status, c.expected) << c.status;
    EXPECT_EQ(result.summary, c.summary) << c.status;
  }
}

TEST(QcEvaluation, NotCheckedWhenNeverSynced) {
  QcJobInput input = job("Completed", 0, 0, 0);
  input.photos_synced = false;
  const QcResult result = QcEngine{}.evaluate(input, kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::not_checked);
  EXPECT_TRUE(result.missing_categories.empty());
  EXPECT_EQ(result.summary, "QC Review: NOT_CHECKED \u2014 photos have never been synced");
}

TEST(QcEvaluation, NotCheckedBeforeAnyStageNeedsPhotos) {
  for (const char* status : {"Lead", "Appointment Scheduled", "Estimate Sent"}) {
    const QcResult result = QcEngine{}.evaluate(job(status, 0, 0, 1), kCheckedAt);
    EXPECT_EQ(result.status, QcStatus::not_checked) << status;
    EXPECT_EQ(result.summary,
              std::string("QC Review: NOT_CHECKED \u2014 no photos are required yet at ") + status);
    EXPECT_EQ(result.total_photos.after, 1);  // still counted for display
  }
}

TEST(QcEvaluation, NotCheckedForUnmappedStatus) {
  const QcResult result = QcEngine{}.evaluate(job("On Hold", 0, 0, 0), kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::not_checked);
  EXPECT_EQ(result.not_checked_reason, "status 'On Hold' is not mapped to a stage");
}

TEST(QcEvaluation, PerTypeRequirements) {
  const auto requirements =
      parse_qc_requirements({{"QC_REQUIREMENTS_BY_TYPE", "Commercial:BEFORE=5,DURING=4,AFTER=5"}});
  ASSERT_TRUE(requirements.ok());
  const QcEngine engine(*requirements);
  QcJobInput input = job("Completed", 3, 2, 3);
  EXPECT_EQ(engine.evaluate(input, kCheckedAt).status, QcStatus::pass);
  input.record_type_name = "commercial";
  const QcResult result = engine.evaluate(input, kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::fail);
  EXPECT_EQ(result.summary,
            "QC Review: FAIL \u2014 missing 2 BEFORE photos, 2 DURING photos, 2 AFTER photos");
}

TEST(QcEvaluation, ZeroMinimumTurnsACategoryOff) {
  QcRequirements requirements;
  requirements.defaults = {0, 0, 0};
  const QcResult result = QcEngine(requirements).evaluate(job("Completed", 0, 0, 0), kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::pass);
}

TEST(QcEvaluation, DuplicatesBySameMd5CountOnce) {
  QcJobInput input = job("Completed", 3, 2, 1);
  input.photos.push_back(photo("IMG", 0, "aaa"));  // uncategorized copy listed first
  input.photos.push_back(photo("after", 0, "aaa"));
  input.photos.push_back(photo("after - again", 0, "aaa"));
  input.photos.push_back(photo("after", 0, "bbb"));
  const QcResult result = QcEngine{}.evaluate(input, kCheckedAt);
  EXPECT_EQ(result.total_photos, (CategoryCounts{3, 2, 3, 0}));
  EXPECT_EQ(result.duplicates_ignored, 2);
  EXPECT_EQ(result.status, QcStatus::pass);
  // The categorized copy is the one counted.
  EXPECT_EQ(result.photos[6].duplicate_of, std::optional<size_t>(7));
  EXPECT_FALSE(result.photos[7].duplicate_of.has_value());
  EXPECT_EQ(result.photos[8].duplicate_of, std::optional<size_t>(7));
  ASSERT_EQ(result.flags.size(), 1U);
  EXPECT_EQ(result.flags[0].code, "duplicate_uploads");
  EXPECT_EQ(result.flags[0].message, "2 duplicate uploads (same md5) ignored");
  EXPECT_EQ(result.flags[0].count, 2);
}

TEST(QcEvaluation, DuplicatesCanMakeAJobFail) {
  QcJobInput input = job("Completed", 3, 2, 0);
  for (int i = 0; i < 3; ++i) input.photos.push_back(photo("after", 0, "same"));
  const QcResult result = QcEngine{}.evaluate(input, kCheckedAt);
  EXPECT_EQ(result.status, QcStatus::fail);
  EXPECT_EQ(result.summary, "QC Review: FAIL \u2014 missing 2 AFTER photos");
}

TEST(QcEvaluation, EmptyMd5IsNeverADuplicate) {
  QcJobInput input = job("Completed", 3, 2, 3);
  for (QcPhoto& p : input.photos) p.md5.clear();
  EXPECT_EQ(QcEngine{}.evaluate(input, kCheckedAt).duplicates_ignored, 0);
}

TEST(QcEvaluation, FlagsAnAfterPhotoOlderThanEveryBeforePhoto) {
  QcJobInput input = job("Completed", 0, 2, 0);
  input.photos.push_back(photo("before", 2'000));
  input.photos.push_back(photo("before", 3'000));
  input.photos.push_back(photo("before", 0));  // undated: ignored by the check
  input.photos.push_back(photo("after", 1'000));
  input.photos.push_back(photo("after", 2'500));
  input.photos.push_back(photo("after", 4'000));
  const QcResult result = QcEngine{}.evaluate(input, kCheckedAt);
  ASSERT_EQ(result.flags.size(), 1U);
  EXPECT_EQ(result.flags[0].code, "after_older_than_before");
  EXPECT_EQ(result.flags[0].count, 1);
  EXPECT_EQ(result.flags[0].message,
            "1 AFTER photo is older than every BEFORE photo: check the captions");
  EXPECT_EQ(result.status, QcStatus::pass);  // a flag informs, it does not fail the job
}

TEST(QcEvaluation, NoFlagWithoutDatedBeforePhotos) {
  QcJobInput input = job("Completed", 3, 2, 0);
  input.photos.push_back(photo("after", 1'000));
  EXPECT_TRUE(QcEngine{}.evaluate(input, kCheckedAt).flags.empty());
}

TEST(QcEvaluation, UncategorizedPhotosAreCountedApartAndSatisfyNothing) {
  QcJobInput input = job("Completed", 3, 2, 2);
  input.photos.push_back(photo("IMG_9.JPG"));
  const QcResult result = QcEngine{}.evaluate(input, kCheckedAt);
  EXPECT_EQ(result.total_photos.uncategorized, 1);
  EXPECT_EQ(result.status, QcStatus::fail);
  EXPECT_EQ(result.photos.back().classification.reason, "no caption, filename or date evidence");
}

TEST(QcEvaluation, DateFallbackUsesTheStatusHistory) {
  QcJobInput input = job("Completed", 3, 2, 0);
  input.status_changes = {{"In Progress", 1'000}, {"Completed", 5'000}};
  for (int64_t taken : {5'000, 6'000, 7'000}) input.photos.push_back(photo("", taken));
  const QcResult result = QcEngine{}.evaluate(input, kCheckedAt);
  EXPECT_EQ(result.total_photos.after, 3);
  EXPECT_EQ(result.status, QcStatus::pass);
}

TEST(DescribeMissing, LargestGapFirstTiesInCategoryOrder) {
  const std::vector<MissingCategory> missing{{PhotoCategory::before, 3, 2, 1},
                                             {PhotoCategory::after, 3, 2, 1}};
  EXPECT_EQ(describe_missing(missing), "missing 1 BEFORE photo, 1 AFTER photo");
}

TEST(QcStatusText, RoundTrips) {
  for (const auto status : {QcStatus::pass, QcStatus::fail, QcStatus::not_checked}) {
    EXPECT_EQ(parse_qc_status(to_string(status)), status);
  }
  EXPECT_EQ(parse_qc_status("not_checked"), QcStatus::not_checked);
  EXPECT_FALSE(parse_qc_status("MAYBE").has_value());
}

}  // namespace
}  // namespace gep::qc

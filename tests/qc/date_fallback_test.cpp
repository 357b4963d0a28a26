// Photos without a useful label are dated against the job's status timeline. Each stage boundary
// is checked one second before, at, and after.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "qc/classifier.h"

namespace gep::qc {
namespace {

constexpr int64_t kLead = 1'700'000'000;
constexpr int64_t kSold = kLead + 86'400;
constexpr int64_t kInstall = kSold + 10 * 86'400;
constexpr int64_t kCompleted = kInstall + 2 * 86'400;

std::vector<StatusChange> full_history() {
  return {{"Lead", kLead}, {"Sold", kSold}, {"In Progress", kInstall}, {"Completed", kCompleted}};
}

PhotoClassification classify_at(int64_t taken, const std::vector<StatusChange>& history) {
  const StatusTimeline timeline = StatusTimeline::build(history, StageMap::defaults());
  QcPhoto photo;
  photo.filename = "IMG_4821.JPG";
  photo.date_file_created = taken;
  return classify_photo(photo, timeline);
}

struct DateCase {
  int64_t taken;
  PhotoCategory expected;
  const char* reason;
};

TEST(DateFallback, BothSidesOfEveryStageBoundary) {
  const std::vector<DateCase> cases{
      {kLead, PhotoCategory::before, "taken before the job entered In Progress"},
      {kInstall - 1, PhotoCategory::before, "taken before the job entered In Progress"},
      {kInstall, PhotoCategory::during, "taken after the job entered In Progress"},
      {kInstall + 1, PhotoCategory::during, "taken after the job entered In Progress"},
      {kCompleted - 1, PhotoCategory::during, "taken after the job entered In Progress"},
      {kCompleted, PhotoCategory::after, "taken after the job entered Completed"},
      {kCompleted + 30 * 86'400, PhotoCategory::after, "taken after the job entered Completed"},
  };
  for (const DateCase& c : cases) {
    const PhotoClassification result = classify_at(c.taken, full_history());
    EXPECT_EQ(result.category, c.expected) << "taken at " << c.taken;
    EXPECT_EQ(result.reason, c.reason) << "taken at " << c.taken;
    EXPECT_EQ(result.source, EvidenceSource::date);
  }
}

TEST(DateFallback, DateCreatedWhenTheFileDateIsUnset) {
  const StatusTimeline timeline = StatusTimeline::build(full_history(), StageMap::defaults());
  QcPhoto photo;
  photo.date_file_created = 0;
  photo.date_created = kCompleted + 5;
  EXPECT_EQ(classify_photo(photo, timeline).category, PhotoCategory::after);
  photo.date_file_created = kInstall - 5;  // the camera's date wins over the upload date
  EXPECT_EQ(classify_photo(photo, timeline).category, PhotoCategory::before);
}

TEST(DateFallback, JobStillBeforeInstallMeansBefore) {
  const std::vector<StatusChange> history{{"Sold", kSold}, {"Scheduled", kSold + 86'400}};
  const PhotoClassification result = classify_at(kSold + 5 * 86'400, history);
  EXPECT_EQ(result.category, PhotoCategory::before);
  EXPECT_EQ(result.reason, "taken while the job is still at Scheduled, before installation");
}

TEST(DateFallback, SkippingInProgressStillDatesAgainstCompletion) {
  const std::vector<StatusChange> history{{"Scheduled", kSold}, {"Paid & Closed", kCompleted}};
  EXPECT_EQ(classify_at(kCompleted - 1, history).reason,
            "taken before the job entered Paid & Closed");
  EXPECT_EQ(classify_at(kCompleted - 1, history).category, PhotoCategory::before);
  EXPECT_EQ(classify_at(kCompleted, history).category, PhotoCategory::after);
}

TEST(DateFallback, ReopenedJobKeepsItsFirstCompletion) {
  std::vector<StatusChange> history = full_history();
  history.push_back({"In Progress", kCompleted + 86'400});  // reopened for a fix
  history.push_back({"Completed", kCompleted + 2 * 86'400});
  EXPECT_EQ(classify_at(kCompleted + 3600, history).category, PhotoCategory::after);
}

TEST(DateFallback, EventOrderDoesNotMatter) {
  std::vector<StatusChange> history = full_history();
  std::reverse(history.begin(), history.end());
  EXPECT_EQ(classify_at(kInstall, history).category, PhotoCategory::during);
}

TEST(DateFallback, UnsetAndUnmappedEventsAreIgnored) {
  const std::vector<StatusChange> history{{"In Progress", 0}, {"On Hold", kInstall}};
  const PhotoClassification result = classify_at(kCompleted, history);
  EXPECT_EQ(result.category, PhotoCategory::uncategorized);
  EXPECT_EQ(result.reason,
            "no caption or filename evidence, and no status history to date it against");
}

TEST(DateFallback, NoDateNoEvidence) {
  const PhotoClassification result = classify_at(0, full_history());
  EXPECT_EQ(result.category, PhotoCategory::uncategorized);
  EXPECT_EQ(result.reason, "no caption, filename or date evidence");
}

TEST(DateFallback, LabelsBeatDates) {
  const StatusTimeline timeline = StatusTimeline::build(full_history(), StageMap::defaults());
  QcPhoto photo;
  photo.caption = "before";
  photo.date_file_created = kCompleted + 10;
  EXPECT_EQ(classify_photo(photo, timeline).category, PhotoCategory::before);
}

TEST(DateFallback, AmbiguousCaptionFallsThroughToTheDate) {
  const StatusTimeline timeline = StatusTimeline::build(full_history(), StageMap::defaults());
  QcPhoto photo;
  photo.caption = "Before & After";
  photo.filename = "IMG_1.jpg";
  photo.date_file_created = kCompleted + 10;
  const PhotoClassification result = classify_photo(photo, timeline);
  EXPECT_EQ(result.category, PhotoCategory::after);
  EXPECT_EQ(result.reason,
            "caption names both 'Before' and 'After'; taken after the job entered Completed");
}

}  // namespace
}  // namespace gep::qc

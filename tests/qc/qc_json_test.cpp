// The JSON shape the QC endpoints answer with.
#include "qc/qc_json.h"

#include <gtest/gtest.h>

namespace gep::qc {
namespace {

TEST(QcJson, SpecFieldsAndExtras) {
  QcJobInput input;
  input.job_id = "job-7";
  input.status_name = "Completed";
  input.photos_synced = true;
  input.photos = {{"p1", "before", "", 0, 0, "m1"},
                  {"p2", "after", "", 0, 0, "m2"},
                  {"p3", "after again", "", 0, 0, "m2"}};
  const QcResult result = QcEngine{}.evaluate(input, from_unix_seconds(1'704'067'200));
  const nlohmann::json json = to_json(result);
  EXPECT_EQ(json["jobId"], "job-7");
  EXPECT_EQ(json["status"], "FAIL");
  EXPECT_EQ(json["checkedAt"], "2024-01-01T00:00:00Z");
  EXPECT_EQ(json["totalPhotos"], (nlohmann::json{{"BEFORE", 1}, {"DURING", 0}, {"AFTER", 1}}));
  ASSERT_EQ(json["missingCategories"].size(), 3U);
  EXPECT_EQ(
      json["missingCategories"][0],
      (nlohmann::json{{"category", "BEFORE"}, {"required", 3}, {"current", 1}, {"missing", 2}}));
  EXPECT_EQ(json["duplicatesIgnored"], 1);
  EXPECT_EQ(json["uncategorizedPhotos"], 0);
  EXPECT_EQ(json["stage"], "complete");
  EXPECT_EQ(json["flags"][0]["code"], "duplicate_uploads");
  EXPECT_FALSE(json.contains("notCheckedReason"));
  EXPECT_EQ(json["summary"], result.summary);

  const nlohmann::json photos = photos_to_json(result, input);
  ASSERT_EQ(photos.size(), 3U);
  EXPECT_EQ(photos[1], (nlohmann::json{{"photoId", "p2"},
                                       {"category", "AFTER"},
                                       {"source", "caption"},
                                       {"reason", "caption says 'after'"},
                                       {"duplicateOf", nullptr}}));
  EXPECT_EQ(photos[2]["duplicateOf"], "p2");
}

TEST(QcJson, NotCheckedCarriesItsReason) {
  QcJobInput input;
  input.job_id = "job-8";
  input.status_name = "Completed";
  const nlohmann::json json = to_json(QcEngine{}.evaluate(input, TimePoint{}));
  EXPECT_EQ(json["status"], "NOT_CHECKED");
  EXPECT_EQ(json["notCheckedReason"], "photos have never been synced");
  EXPECT_TRUE(json["missingCategories"].empty());
}

}  // namespace
}  // namespace gep::qc

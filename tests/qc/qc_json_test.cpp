// The JSON shape the QC endpoints answer with.
#include "qc/qc_json.h"

#include <gtest/gtest.h>

#include "qc/json_text.h"

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

// evaluate-all stores texts written without nlohmann: they must be the bytes nlohmann dumps.
TEST(QcJson, StoredTextsAreTheDumpedJson) {
  std::vector<QcJobInput> inputs;
  for (const char* status : {"Lead", "Sold", "In Progress", "Completed"}) {
    QcJobInput input;
    input.job_id = "job-1";
    input.status_name = status;
    input.photos_synced = true;
    input.photos = {{"p1", "pre-install", "", 0, 0, "m1"},
                    {"p2", "Existing roof \"north\"\t", "", 0, 0, "m2"},
                    {"p3", "", "IMG_1234 - after.jpg", 100, 0, "m3"},
                    {"p4", "racking\\wiring", "", 0, 50, "m3"},
                    {"p5", "Caf\xc3\xa9 final\x01", "", 0, 0, ""},
                    {"p6", "", "DSC0001.jpg", 0, 0, "m6"}};
    inputs.push_back(input);
    input.photos.clear();
    inputs.push_back(input);
    input.photos_synced = false;
    inputs.push_back(input);
  }
  const QcEngine engine;
  for (const QcJobInput& input : inputs) {
    const QcResult result = engine.evaluate(input, from_unix_seconds(1'704'067'200));
    const nlohmann::json json = to_json(result);
    const CategoryMinimums required = engine.requirements().for_type(input.record_type_name);
    const nlohmann::json requirements{
        {"stage", to_string(result.stage)},
        {"required",
         {{"BEFORE", required.before}, {"DURING", required.during}, {"AFTER", required.after}}},
        {"duplicatesIgnored", result.duplicates_ignored},
        {"summary", result.summary}};
    EXPECT_EQ(missing_json_text(result), json.at("missingCategories").dump());
    EXPECT_EQ(flags_json_text(result), json.at("flags").dump());
    EXPECT_EQ(photos_json_text(result, input), photos_to_json(result, input).dump());
    EXPECT_EQ(requirements_json_text(result, required), requirements.dump());
  }
}

TEST(JsonText, EscapesAsNlohmannDoes) {
  for (const std::string& text : {std::string(""), std::string("plain"), std::string("q\"b\\s/"),
                                  std::string("\b\f\n\r\t\x01\x1f\x7f"), std::string("nul\0in", 6),
                                  std::string("\xe2\x80\x94 dash")}) {
    std::string out;
    append_json_string(out, text);
    EXPECT_EQ(out, nlohmann::json(text).dump());
  }
  std::string number;
  append_json_number(number, -9'007'199'254'740'993);
  EXPECT_EQ(number, nlohmann::json(int64_t{-9'007'199'254'740'993}).dump());
}

}  // namespace
}  // namespace gep::qc

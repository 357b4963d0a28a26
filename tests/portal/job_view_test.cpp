// PortalJobView: stage mapping, the milestone timeline, the sharing rules, and that nothing
// internal reaches the JSON.
#include <gtest/gtest.h>

#include "portal/job_view.h"
#include "portal/portal_json.h"

namespace gep::portal {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1'700'000'000;

domain::Job job_with_status(const std::string& status) {
  domain::Job job;
  job.id = 7;
  job.jnid = "jobA";
  job.number = "1042";
  job.name = "Kent residence solar";
  job.display_name = "Clark Kent - 1 Farm Rd";
  job.customer_name = "Clark Kent";
  job.address_line1 = "1 Farm Rd";
  job.city = "Smallville";
  job.state = "KS";
  job.zip = "66002";
  job.status_name = status;
  job.date_status_change = kStart + 30 * kDay;
  job.jn_date_created = kStart;
  job.sales_rep_id = "rep-secret-id";
  job.sales_rep_name = "Lex Luthor";
  job.raw_json = R"({"notes":"gate code 4321"})";
  return job;
}

domain::Activity status_change(const std::string& status, int64_t at) {
  domain::Activity activity;
  activity.jnid = "act-" + status;
  activity.job_jnid = "jobA";
  activity.is_status_change = true;
  activity.status_name = status;
  activity.jn_date_created = at;
  activity.note = "internal: customer was rude on the phone";
  return activity;
}

domain::File photo(int64_t id, const std::string& caption, int64_t taken) {
  domain::File file;
  file.id = id;
  file.jnid = "file" + std::to_string(id);
  file.job_jnid = "jobA";
  file.kind = domain::FileKind::photo;
  file.record_type_id = 2;
  file.record_type_name = "Photo";
  file.caption = caption;
  file.filename = "IMG_" + std::to_string(id) + ".jpg";
  file.content_type = "image/jpeg";
  file.date_file_created = taken;
  return file;
}

domain::File document(int64_t id, const std::string& filename, const std::string& caption = "") {
  domain::File file;
  file.id = id;
  file.jnid = "doc" + std::to_string(id);
  file.job_jnid = "jobA";
  file.kind = domain::FileKind::document;
  file.record_type_id = 1;
  file.record_type_name = "Document";
  file.caption = caption;
  file.filename = filename;
  file.content_type = "application/pdf";
  file.jn_date_created = kStart + 5 * kDay;
  return file;
}

PortalJobInput input_for(const std::string& status) {
  PortalJobInput input;
  input.job = job_with_status(status);
  return input;
}

std::vector<int64_t> ids(const std::vector<SharedFile>& files) {
  std::vector<int64_t> out;
  for (const auto& file : files) out.push_back(file.id);
  return out;
}

TEST(PortalJobView, MapsInternalStatusesToCustomerStages) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"Lead", "Proposal"},
      {"Estimate Sent", "Proposal"},
      {"Sold", "Contract signed"},
      {"Permitting", "Permits in progress"},
      {"Install Scheduled", "Installation scheduled"},
      {"In Progress", "Installation"},
      {"Completed", "Complete"},
      {"PTO Approved", "Complete"},
      {"On Hold - waiting on payment", "In review"}};
  for (const auto& [status, label] : cases) {
    const PortalJobView view = build_portal_job_view(input_for(status), ViewSettings{});
    EXPECT_EQ(view.stage_label, label) << status;
    EXPECT_FALSE(view.next_steps.empty()) << status;
  }
}

TEST(PortalJobView, ConfiguredStatusNamesMapToo) {
  ViewSettings settings;
  settings.stages = qc::parse_stage_map("permitting:Waiting on City").value();
  EXPECT_EQ(build_portal_job_view(input_for("Waiting on City"), settings).stage_label,
            "Permits in progress");
}

TEST(PortalJobView, TimelineDatesEachStageByItsFirstEntry) {
  PortalJobInput input = input_for("In Progress");
  input.status_changes = {status_change("Sold", kStart + 2 * kDay),
                          status_change("Permitting", kStart + 5 * kDay),
                          status_change("Sold", kStart + 9 * kDay),  // re-entered: first wins
                          status_change("Scheduled", kStart + 20 * kDay)};
  const PortalJobView view = build_portal_job_view(input, ViewSettings{});
  ASSERT_EQ(view.timeline.size(), 6U);
  EXPECT_EQ(view.timeline[0].label, "Proposal");
  EXPECT_EQ(view.timeline[0].at, kStart);  // no lead event: the job's creation
  EXPECT_EQ(view.timeline[1].at, kStart + 2 * kDay);
  EXPECT_EQ(view.timeline[2].at, kStart + 5 * kDay);
  EXPECT_EQ(view.timeline[3].at, kStart + 20 * kDay);
  EXPECT_EQ(view.timeline[4].at, kStart + 30 * kDay);  // the job's date_status_change
  EXPECT_EQ(view.timeline[5].at, 0);
  for (size_t i = 0; i < 5; ++i) EXPECT_TRUE(view.timeline[i].done) << i;
  EXPECT_FALSE(view.timeline[5].done);
  EXPECT_TRUE(view.timeline[4].current);
  EXPECT_FALSE(view.timeline[3].current);
}

TEST(PortalJobView, AnUnmappedStatusKeepsTheProgressOfItsHistory) {
  PortalJobInput input = input_for("On Hold");
  input.status_changes = {status_change("Sold", kStart + 2 * kDay),
                          status_change("Permitting", kStart + 5 * kDay)};
  const PortalJobView view = build_portal_job_view(input, ViewSettings{});
  EXPECT_EQ(view.stage_label, "In review");
  EXPECT_TRUE(view.timeline[2].done);
  EXPECT_FALSE(view.timeline[3].done);
  for (const auto& milestone : view.timeline) EXPECT_FALSE(milestone.current);
}

TEST(PortalJobView, SharesAfterAndDuringPhotosByDefaultNeverUncategorizedOrPrivate) {
  PortalJobInput input = input_for("Completed");
  input.files = {photo(1, "Before - roof", kStart), photo(2, "During install", kStart),
                 photo(3, "After - finished array", kStart), photo(4, "", 0),
                 photo(5, "After - meter", kStart)};
  input.files[4].is_private = true;
  const PortalJobView view = build_portal_job_view(input, ViewSettings{});
  EXPECT_EQ(ids(view.photos), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(view.photos[1].category, "AFTER");
  EXPECT_EQ(view.photos[1].title, "After installation");
  EXPECT_EQ(view.photos[1].caption, "After - finished array");
}

TEST(PortalJobView, PhotoCategoriesAreConfigurableAndDatesClassifyUnlabelledPhotos) {
  PortalJobInput input = input_for("Completed");
  input.status_changes = {status_change("In Progress", kStart + 10 * kDay)};
  input.files = {photo(1, "Before - roof", kStart), photo(2, "", kStart + 11 * kDay),
                 photo(3, "", kStart + 40 * kDay)};
  ViewSettings settings;
  settings.shared_photo_categories = {qc::PhotoCategory::before};
  EXPECT_EQ(ids(build_portal_job_view(input, settings).photos), (std::vector<int64_t>{1}));
  settings.shared_photo_categories = {qc::PhotoCategory::during, qc::PhotoCategory::after};
  const PortalJobView view = build_portal_job_view(input, settings);
  EXPECT_EQ(ids(view.photos), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(view.photos[0].category, "DURING");
  EXPECT_EQ(view.photos[1].category, "AFTER");
}

TEST(PortalJobView, SharesCustomerFacingDocumentsOnly) {
  PortalJobInput input = input_for("In Progress");
  input.files = {document(10, "Signed Contract - Kent.pdf"),
                 document(11, "Building permit 2024-117.pdf"),
                 document(12, "Permit application.pdf"),
                 document(13, "PTO letter.pdf", "Utility interconnection approval"),
                 document(14, "internal margin calc.xlsx"),
                 document(15, "Contract - DRAFT.pdf"),
                 document(16, "Signed contract copy.pdf")};
  input.files[6].is_private = true;
  const PortalJobView view = build_portal_job_view(input, ViewSettings{});
  EXPECT_EQ(ids(view.documents), (std::vector<int64_t>{10, 11, 13}));
  EXPECT_EQ(view.documents[0].title, "Signed contract");
  EXPECT_EQ(view.documents[0].category, "signed_contract");
  EXPECT_EQ(view.documents[1].title, "Permit");
  EXPECT_EQ(view.documents[2].category, "interconnection");
  EXPECT_EQ(view.documents[0].date, kStart + 5 * kDay);
}

TEST(PortalJobView, StaffOverridesWinButNeverSharePrivateOrUncategorized) {
  PortalJobInput input = input_for("Completed");
  input.files = {photo(1, "Before - roof", kStart), photo(2, "After - array", kStart),
                 photo(3, "", 0), document(4, "site notes.pdf"), document(5, "permit.pdf")};
  input.files.push_back(document(6, "warranty.pdf"));
  input.files[5].is_private = true;
  input.share_overrides = {{"file1", true}, {"file2", false}, {"file3", true},
                           {"doc4", true},  {"doc5", false},  {"doc6", true}};
  const PortalJobView view = build_portal_job_view(input, ViewSettings{});
  EXPECT_EQ(ids(view.photos), (std::vector<int64_t>{1}));
  EXPECT_EQ(ids(view.documents), (std::vector<int64_t>{4}));
  EXPECT_EQ(view.documents[0].title, "site notes.pdf");
}

TEST(PortalJobView, DeletedFilesAndOtherJobsFilesAreNeverShared) {
  PortalJobInput input = input_for("Completed");
  input.files = {photo(1, "After - array", kStart), photo(2, "After - meter", kStart)};
  input.files[0].deleted_at = kStart;
  input.files[1].job_jnid = "someone-elses-job";
  EXPECT_TRUE(build_portal_job_view(input, ViewSettings{}).photos.empty());
}

TEST(PortalJobView, JsonHoldsNothingInternal) {
  PortalJobInput input = input_for("In Progress");
  input.status_changes = {status_change("Sold", kStart + kDay)};
  input.files = {photo(1, "After - array", kStart), document(2, "signed contract.pdf")};
  ViewSettings settings;
  settings.company = {"Sunny Solar", "801-555-0100", "help@sunny.example"};
  const nlohmann::json body = to_json(build_portal_job_view(input, settings));
  const std::string text = body.dump();
  for (const char* leak :
       {"gate code", "rude", "Lex Luthor", "rep-secret-id", "jobA", "file1", "doc2", "Clark Kent",
        "In Progress", "raw", "salesRep", "risk", "note"}) {
    EXPECT_EQ(text.find(leak), std::string::npos) << leak << " leaked: " << text;
  }
  EXPECT_EQ(body["id"], 7);
  EXPECT_EQ(body["number"], "1042");
  EXPECT_EQ(body["stage"]["label"], "Installation");
  EXPECT_EQ(body["address"]["city"], "Smallville");
  EXPECT_EQ(body["company"]["phone"], "801-555-0100");
  EXPECT_EQ(body["timeline"][1]["date"], "2023-11-15T22:13:20Z");
  EXPECT_EQ(body["timeline"][5]["date"], nullptr);
  EXPECT_EQ(body["photos"][0]["downloadPath"], "/api/v1/portal/jobs/7/files/1");
  EXPECT_EQ(body["documents"][0]["title"], "Signed contract");
  std::vector<std::string> keys;
  for (const auto& item : body.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"address", "company", "documents", "id", "name",
                                            "nextSteps", "number", "photos", "stage", "timeline"}));
}

}  // namespace
}  // namespace gep::portal

// The API's writes and what they leave behind: the records, the write log, status semantics,
// deletes, uploads and their downloads.
#include "net/http_client.h"
#include "sandbox/file_bytes.h"
#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class WritesTest : public SandboxFixture {
 protected:
  void SetUp() override { start(small_options(100)); }

  json a_job(const std::string& status) {
    const json filter = {{"must", {{{"term", {{"status_name", status}}}}}}};
    const json jobs = list("jobs", filter_param(filter) + "&size=1");
    EXPECT_FALSE(jobs["results"].empty()) << status;
    return jobs["results"].empty() ? json() : jobs["results"][0];
  }

  gep::testing::HttpResult post(const std::string& path, const json& body) {
    return client->Post(path, body.dump(), "application/json");
  }
  gep::testing::HttpResult put(const std::string& path, const json& body) {
    return client->Put(path, body.dump(), "application/json");
  }
};

TEST_F(WritesTest, NoteOnAJobIsCreatedReturnedListedAndLogged) {
  const std::string job = a_job("Lead")["jnid"];
  const auto response =
      post("/api1/activities", {{"note", "QC Review: FAIL — missing 2 AFTER photos"},
                                {"record_type_name", "Note"},
                                {"primary", {{"id", job}}}});
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const json note = json::parse(response->body);
  EXPECT_EQ(note["type"], "activity");
  EXPECT_EQ(note["primary"]["id"], job);
  EXPECT_EQ(note["date_created"], kNow);
  EXPECT_EQ(note["record_type_name"], "Note");
  const json mine =
      list("activities", filter_param({{"must",
                                        {{{"term", {{"primary.id", job}}}},
                                         {{"term", {{"record_type_name", "Note"}}}}}}}));
  bool found = false;
  for (const auto& a : mine["activity"]) found = found || a["jnid"] == note["jnid"];
  EXPECT_TRUE(found);
  const auto writes = sandbox->state().writes();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].endpoint, "POST /activities");
  EXPECT_EQ(writes[0].jnid, note["jnid"]);
  EXPECT_EQ(json::parse(writes[0].request)["note"], "QC Review: FAIL — missing 2 AFTER photos");
  EXPECT_EQ(sandbox->state().write_count("POST /activities"), 1u);
}

TEST_F(WritesTest, InvalidWritesAreRefusedAndNotLogged) {
  const std::string job = a_job("Lead")["jnid"];
  EXPECT_EQ(post("/api1/activities",
                 {{"note", "x"}, {"record_type_name", "Email"}, {"primary", {{"id", job}}}})
                ->status,
            400);
  EXPECT_EQ(post("/api1/activities", {{"note", "x"}, {"primary", {{"id", "nope"}}}})->status, 400);
  EXPECT_EQ(post("/api1/activities", {{"primary", {{"id", job}}}})->status, 400);
  const auto task =
      post("/api1/tasks", {{"title", "t"}, {"record_type_name", "Note"}, {"date_start", kNow}});
  EXPECT_EQ(task->status, 400);
  EXPECT_EQ(task->body, "Invalid record_type_name - Note");
  EXPECT_EQ(client->Post("/api1/tasks", "{not json", "application/json")->status, 400);
  EXPECT_EQ(put("/api1/jobs/" + job, {{"status_name", "Teleported"}})->status, 400);
  EXPECT_EQ(put("/api1/jobs/unknownjnid", {{"name", "x"}})->status, 404);
  EXPECT_TRUE(sandbox->state().writes().empty());
}

TEST_F(WritesTest, TaskIsCreatedWithItsRelatedJob) {
  const std::string job = a_job("Sold")["jnid"];
  const auto response = post("/api1/tasks", {{"title", "Order materials"},
                                             {"record_type_name", "Task"},
                                             {"date_start", kNow + 86400},
                                             {"description", "panels + racking"},
                                             {"related", {{{"id", job}}}},
                                             {"priority", 2}});
  ASSERT_EQ(response->status, 200) << response->body;
  const json task = json::parse(response->body);
  EXPECT_EQ(task["title"], "Order materials");
  EXPECT_EQ(task["related"][0]["id"], job);
  EXPECT_EQ(get_json("/api1/tasks/" + task["jnid"].get<std::string>())["priority"], 2);
  EXPECT_EQ(sandbox->state().write_count("POST /tasks"), 1u);
}

TEST_F(WritesTest, StatusChangeUpdatesDatesAndWritesAStatusChangedActivity) {
  const json before = a_job("Scheduled");
  const std::string jnid = before["jnid"];
  clock.advance(std::chrono::seconds(5));
  const auto response =
      put("/api1/jobs/" + jnid, {{"status_name", "In Progress"}, {"Claim #", "CLM-1"}});
  ASSERT_EQ(response->status, 200) << response->body;
  const json after = get_json("/api1/jobs/" + jnid);
  EXPECT_EQ(after["status_name"], "In Progress");
  const auto* workflow = catalog::workflow_by_name(after["record_type_name"].get<std::string>());
  EXPECT_EQ(after["status"], catalog::status_by_name(*workflow, "In Progress")->id);
  EXPECT_EQ(after["date_status_change"], kNow + 5);
  EXPECT_EQ(after["date_updated"], kNow + 5);
  EXPECT_EQ(after["date_created"], before["date_created"]);
  EXPECT_EQ(after["Claim #"], "CLM-1");
  EXPECT_EQ(after["display_name"], before["display_name"]);
  const json changes =
      list("activities", filter_param({{"must",
                                        {{{"term", {{"primary.id", jnid}}}},
                                         {{"term", {{"is_status_change", true}}}},
                                         {{"range", {{"date_created", {{"gte", kNow}}}}}}}}}));
  ASSERT_EQ(changes["count"], 1);
  EXPECT_EQ(changes["activity"][0]["note"], "Status changed from Scheduled to In Progress");
  EXPECT_EQ(changes["activity"][0]["record_type_name"], "Status Changed");
  // The same status again is not a change.
  put("/api1/jobs/" + jnid, {{"status_name", "In Progress"}});
  EXPECT_EQ(get_json("/api1/jobs/" + jnid)["date_status_change"], kNow + 5);
  EXPECT_EQ(sandbox->state().write_count("PUT /jobs/{jnid}"), 2u);
}

TEST_F(WritesTest, IsActiveFalseDeletesTheJob) {
  const std::string jnid = a_job("Lead")["jnid"];
  const int64_t total = list("jobs", "size=1")["count"];
  const auto response = put("/api1/jobs/" + jnid, {{"is_active", false}});
  ASSERT_EQ(response->status, 200);
  EXPECT_EQ(json::parse(response->body)["is_active"], false);
  EXPECT_EQ(client->Get("/api1/jobs/" + jnid)->status, 404);
  EXPECT_EQ(list("jobs", "size=1")["count"], total - 1);
  for (const auto& job : rows("jobs", "fields=jnid")) EXPECT_NE(job["jnid"], jnid);
  EXPECT_EQ(put("/api1/jobs/" + jnid, {{"name", "again"}})->status, 404);
  const json ids = json::parse(sandbox->state().ids(Kind::job));
  EXPECT_EQ(ids["deleted"], json::array({jnid}));
}

TEST_F(WritesTest, ContactUpdateRecomputesTheDisplayName) {
  const json contact = list("contacts", filter_param({{"must", {{{"term", {{"company", ""}}}}}}}) +
                                            "&size=1")["results"][0];
  const std::string jnid = contact["jnid"];
  ASSERT_EQ(
      put("/api1/contacts/" + jnid, {{"first_name", "Zoë"}, {"last_name", "Ångström"}})->status,
      200);
  EXPECT_EQ(get_json("/api1/contacts/" + jnid)["display_name"], "Zoë Ångström");
}

TEST_F(WritesTest, UploadReturnsTheFileAndItsBytesComeBackThroughASignedRedirect) {
  const std::string job = a_job("Completed")["jnid"];
  const std::string bytes = placeholder_bytes(99, "image/jpeg") + std::string("\0after\xff", 7);
  const auto response = post("/api1/files", {{"data", base64_encode(bytes)},
                                             {"filename", "IMG_0042 - after.jpg"},
                                             {"description", "Final - array complete"},
                                             {"type", 2},
                                             {"subtype", "job"},
                                             {"related", {job}},
                                             {"is_private", false}});
  ASSERT_EQ(response->status, 200) << response->body;
  const json file = json::parse(response->body);
  EXPECT_EQ(file["record_type"], 2);
  EXPECT_EQ(file["record_type_name"], "Photo");
  EXPECT_EQ(file["size"], bytes.size());
  EXPECT_EQ(file["md5"], md5_hex(bytes));
  EXPECT_EQ(file["content_type"], "image/jpeg");
  EXPECT_EQ(file["related"][0]["id"], job);
  const std::string jnid = file["jnid"];

  const auto redirect = client->Get("/api1/files/" + jnid);
  ASSERT_EQ(redirect->status, 302);
  const std::string location = redirect->get_header_value("Location");
  const std::string origin = "http://127.0.0.1:" + std::to_string(sandbox->port());
  ASSERT_EQ(location.rfind(origin + "/sandbox-files/" + jnid + "?", 0), 0u) << location;
  gep::testing::HttpClient anonymous("127.0.0.1", sandbox->port());  // signed URLs need no key
  const auto download = anonymous.Get(location.substr(origin.size()));
  ASSERT_EQ(download->status, 200);
  EXPECT_EQ(download->body, bytes);
  // Tampered or expired links are refused.
  EXPECT_EQ(anonymous.Get(location.substr(origin.size()) + "0")->status, 403);
  clock.advance(std::chrono::seconds(301));
  EXPECT_EQ(anonymous.Get(location.substr(origin.size()))->status, 403);

  const auto logged = sandbox->state().writes();
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].endpoint, "POST /files");
  EXPECT_NE(json::parse(logged[0].request)["data"].get<std::string>().find("md5"),
            std::string::npos);
  EXPECT_EQ(
      post("/api1/files", {{"data", "!!"}, {"filename", "x.jpg"}, {"related", {job}}})->status,
      400);
}

TEST_F(WritesTest, SeededFilesDownloadWithTheirMd5AndSize) {
  const json file = list("files", "size=1")["files"][0];
  const auto redirect = client->Get("/api1/files/" + file["jnid"].get<std::string>());
  ASSERT_EQ(redirect->status, 302);
  const std::string location = redirect->get_header_value("Location");
  const auto path = location.substr(location.find("/sandbox-files/"));
  const auto download = client->Get(path);
  ASSERT_EQ(download->status, 200);
  EXPECT_EQ(download->body.size(), file["size"].get<size_t>());
  EXPECT_EQ(md5_hex(download->body), file["md5"]);
  EXPECT_EQ(client->Get("/api1/files/nosuchfile")->status, 404);
}

}  // namespace
}  // namespace gep::sandbox::testing

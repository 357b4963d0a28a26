// The /api1 surface as a client sees it: wrappers, shapes, auth, errors, settings.
#include "net/http_client.h"
#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class ApiTest : public SandboxFixture {
 protected:
  void SetUp() override { start(small_options(150)); }
};

TEST_F(ApiTest, ListWrappersCountTheTotalNotThePage) {
  const json jobs = list("jobs", "size=10");
  ASSERT_TRUE(jobs["results"].is_array());
  EXPECT_EQ(jobs["results"].size(), 10u);
  EXPECT_EQ(jobs["count"], 150);
  EXPECT_EQ(list("contacts", "size=5")["results"].size(), 5u);
  EXPECT_TRUE(list("tasks", "size=5")["results"].is_array());
  const json activity = list("activities", "size=3");
  EXPECT_TRUE(activity["activity"].is_array());
  EXPECT_FALSE(activity.contains("results"));
  const json files = list("files", "size=3");
  EXPECT_TRUE(files["files"].is_array());
  EXPECT_EQ(files["count"].get<size_t>(), sandbox->state().count(Kind::file));
  EXPECT_EQ(list("jobs", "")["results"].size(), 150u);  // default size 1000 covers all
}

TEST_F(ApiTest, RecordsHaveTheFactsFileShapes) {
  const json job = list("jobs", "size=1")["results"][0];
  for (const char* key : {"jnid",
                          "recid",
                          "number",
                          "type",
                          "name",
                          "display_name",
                          "record_type",
                          "record_type_name",
                          "status",
                          "status_name",
                          "date_created",
                          "date_updated",
                          "date_status_change",
                          "created_by",
                          "created_by_name",
                          "sales_rep",
                          "sales_rep_name",
                          "owners",
                          "is_active",
                          "is_archived",
                          "primary",
                          "related",
                          "address_line1",
                          "address_line2",
                          "city",
                          "state_text",
                          "country_name",
                          "zip",
                          "geo",
                          "tags",
                          "source_name",
                          "description",
                          "date_start",
                          "date_end",
                          "approved_estimate_total",
                          "approved_invoice_total",
                          "cf_string_1"}) {
    EXPECT_TRUE(job.contains(key)) << key;
  }
  EXPECT_EQ(job["type"], "job");
  EXPECT_TRUE(job["date_updated"].is_number_integer());
  EXPECT_TRUE(job["geo"]["lat"].is_number());
  EXPECT_EQ(job["primary"]["type"], "contact");

  const json contact = list("contacts", "size=1")["results"][0];
  for (const char* key :
       {"first_name", "last_name", "display_name", "company", "email", "home_phone", "mobile_phone",
        "work_phone", "website", "is_sub_contractor"}) {
    EXPECT_TRUE(contact.contains(key)) << key;
  }
  const json file = list("files", "size=1")["files"][0];
  for (const char* key : {"jnid", "type", "filename", "content_type", "size", "date_created",
                          "date_updated", "date_file_created", "description", "md5", "is_private",
                          "record_type", "record_type_name", "related", "primary"}) {
    EXPECT_TRUE(file.contains(key)) << key;
  }
  EXPECT_EQ(file["type"], "attachment");
  EXPECT_EQ(file["primary"]["type"], "job");
  const json activity = list("activities", "size=1")["activity"][0];
  EXPECT_EQ(activity["type"], "activity");
  EXPECT_TRUE(activity.contains("note"));
  EXPECT_TRUE(activity.contains("is_status_change"));
}

TEST_F(ApiTest, SingleRecordsAndUnknownIds) {
  const json first = list("jobs", "size=1")["results"][0];
  const std::string jnid = first["jnid"];
  EXPECT_EQ(get_json("/api1/jobs/" + jnid), first);
  const auto missing = client->Get("/api1/jobs/doesnotexist123");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  const std::string contact = first["primary"]["id"];
  EXPECT_EQ(get_json("/api1/contacts/" + contact)["jnid"], contact);
  EXPECT_EQ(client->Get("/api1/nothing-here")->status, 404);
}

TEST_F(ApiTest, AuthNeedsTheBearerKey) {
  for (const char* header : {"", "Bearer wrong-key", "Basic sandbox-key", "Bearer"}) {
    gep::testing::HttpClient anonymous("127.0.0.1", sandbox->port());
    if (*header != '\0') anonymous.set_default_headers({{"Authorization", header}});
    const auto response = anonymous.Get("/api1/jobs?size=1");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 401) << header;
  }
  gep::testing::HttpClient lower("127.0.0.1", sandbox->port());
  lower.set_default_headers({{"Authorization", "bearer sandbox-key"}});
  EXPECT_EQ(lower.Get("/api1/jobs?size=1")->status, 200);
  EXPECT_EQ(make_client("other")->Get("/sandbox/stats")->status, 401);
}

TEST_F(ApiTest, FieldsProjectsAndJnidOnlyIsCheap) {
  const json ids = list("jobs", "fields=jnid&size=50");
  ASSERT_EQ(ids["results"].size(), 50u);
  for (const auto& record : ids["results"]) {
    EXPECT_EQ(record.size(), 1u);
    EXPECT_TRUE(record["jnid"].is_string());
  }
  const json cursor = list("jobs", "fields=date_updated,jnid&sort_field=date_updated&size=20");
  for (const auto& record : cursor["results"]) {
    EXPECT_EQ(record.size(), 2u);
    EXPECT_EQ(get_json("/api1/jobs/" + record["jnid"].get<std::string>())["date_updated"],
              record["date_updated"]);
  }
  const json some = list("jobs", "fields=jnid,date_updated,Claim%20%23,status_name&size=20");
  for (const auto& record : some["results"]) {
    EXPECT_TRUE(record.contains("date_updated"));
    EXPECT_TRUE(record.contains("status_name"));
    EXPECT_FALSE(record.contains("display_name"));
  }
}

TEST_F(ApiTest, DeepPagingBeyondTheWindowIsRefused) {
  const auto response = client->Get("/api1/jobs?from=9500&size=1000");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->body.find("10000"), std::string::npos);
  EXPECT_EQ(client->Get("/api1/jobs?from=9000&size=1000")->status, 200);
  EXPECT_EQ(client->Get("/api1/jobs?size=abc")->status, 400);
  EXPECT_EQ(client->Get("/api1/jobs?filter=%7Bbroken")->status, 400);
}

TEST_F(ApiTest, SettingsListWorkflowsWithClosedAndLeadStatuses) {
  const json settings = get_json("/api1/account/settings");
  ASSERT_TRUE(settings["workflows"].is_array());
  std::map<std::string, std::set<int>> ids_by_name;
  bool closed = false;
  bool lead = false;
  for (const auto& workflow : settings["workflows"]) {
    for (const char* key : {"id", "object_type", "name", "is_active", "status"}) {
      EXPECT_TRUE(workflow.contains(key)) << key;
    }
    for (const auto& status : workflow["status"]) {
      for (const char* key : {"id", "name", "is_lead", "is_closed", "is_active", "order"}) {
        EXPECT_TRUE(status.contains(key)) << key;
      }
      ids_by_name[status["name"]].insert(status["id"].get<int>());
      closed = closed || status["is_closed"].get<bool>();
      lead = lead || status["is_lead"].get<bool>();
    }
  }
  EXPECT_TRUE(closed);
  EXPECT_TRUE(lead);
  EXPECT_GE(ids_by_name["Lead"].size(), 3u);  // same name, different ids per workflow
  for (const char* name :
       {"Appointment Scheduled", "Estimate Sent", "Sold", "Permitting", "Scheduled", "In Progress",
        "Completed", "Invoiced", "Paid & Closed", "Lost"}) {
    EXPECT_FALSE(ids_by_name[name].empty()) << name;
  }
}

}  // namespace
}  // namespace gep::sandbox::testing

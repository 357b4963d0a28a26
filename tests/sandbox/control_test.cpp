// The control API over HTTP: what a convergence test does to the account while a client syncs,
// and how it reads the account back.
#include "net/http_client.h"
#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class ControlTest : public SandboxFixture {
 protected:
  void SetUp() override { start(small_options(80)); }

  json call(const std::string& method, const std::string& path, const json& body = json::object()) {
    gep::testing::HttpResult response =
        method == "POST"  ? client->Post(path, body.dump(), "application/json")
        : method == "PUT" ? client->Put(path, body.dump(), "application/json")
                          : client->Delete(path);
    EXPECT_TRUE(response) << method << " " << path;
    if (!response) return {};
    EXPECT_EQ(response->status, 200) << method << " " << path << ": " << response->body;
    return json::parse(response->body, nullptr, false);
  }
};

TEST_F(ControlTest, CreatedJobsAppearWithAContactAndAreNotLoggedAsWrites) {
  clock.advance(std::chrono::seconds(60));
  const json job =
      call("POST", "/sandbox/jobs", {{"status_name", "Sold"}, {"name", "Control job"}});
  EXPECT_EQ(job["status_name"], "Sold");
  EXPECT_EQ(job["name"], "Control job");
  EXPECT_EQ(job["date_created"], kNow + 60);
  EXPECT_EQ(job["date_updated"], kNow + 60);
  EXPECT_EQ(get_json("/api1/jobs/" + job["jnid"].get<std::string>())["jnid"], job["jnid"]);
  EXPECT_EQ(get_json("/api1/contacts/" + job["primary"]["id"].get<std::string>())["type"],
            "contact");
  EXPECT_EQ(list("jobs", "size=1")["count"], 81);
  EXPECT_TRUE(sandbox->state().writes().empty());
}

TEST_F(ControlTest, UpdateDeleteAndRestore) {
  const std::string jnid = list("jobs", "size=1")["results"][0]["jnid"];
  clock.advance(std::chrono::seconds(10));
  EXPECT_EQ(call("PUT", "/sandbox/jobs/" + jnid,
                 {{"description", "changed by the office"}})["date_updated"],
            kNow + 10);
  call("DELETE", "/sandbox/jobs/" + jnid);
  EXPECT_EQ(client->Get("/api1/jobs/" + jnid)->status, 404);
  EXPECT_EQ(client->Delete("/sandbox/jobs/" + jnid)->status, 404);
  clock.advance(std::chrono::seconds(10));
  const json restored = call("POST", "/sandbox/jobs/" + jnid + "/restore");
  EXPECT_EQ(restored["is_active"], true);
  EXPECT_EQ(restored["date_updated"], kNow + 20);
  EXPECT_EQ(get_json("/api1/jobs/" + jnid)["description"], "changed by the office");
}

TEST_F(ControlTest, PhotosAndDocumentsAreAddedToAJob) {
  const std::string jnid = list("jobs", "size=1")["results"][0]["jnid"];
  const json photos = call("POST", "/sandbox/jobs/" + jnid + "/files",
                           {{"count", 3}, {"record_type", 2}, {"kind", "after"}});
  ASSERT_EQ(photos["jnids"].size(), 3u);
  const json permit = call("POST", "/sandbox/jobs/" + jnid + "/files",
                           {{"count", 1}, {"record_type", 1}, {"kind", "permit"}});
  const json file =
      get_json("/api1/files?" +
               filter_param({{"must", {{{"term", {{"jnid", permit["jnids"][0]}}}}}}}))["files"][0];
  EXPECT_EQ(file["record_type"], 1);
  EXPECT_NE(file["filename"].get<std::string>().find("ermit"), std::string::npos);
  EXPECT_EQ(file["related"][0]["id"], jnid);
  EXPECT_EQ(client
                ->Post("/sandbox/jobs/" + jnid + "/files", R"({"record_type":2,"kind":"sideways"})",
                       "application/json")
                ->status,
            400);
}

TEST_F(ControlTest, TouchMakesASameSecondClusterAndMutateChangesEverything) {
  clock.advance(std::chrono::seconds(100));
  const json touched = call("POST", "/sandbox/touch", {{"kind", "jobs"}, {"count", 30}});
  ASSERT_EQ(touched["jnids"].size(), 30u);
  const json cluster = list(
      "jobs", filter_param({{"must", {{{"range", {{"date_updated", {{"gte", kNow + 100}}}}}}}}}));
  EXPECT_EQ(cluster["count"], 30);

  const json changed = call("POST", "/sandbox/mutate",
                            {{"job_updates", 5},
                             {"status_changes", 5},
                             {"job_creates", 2},
                             {"job_deletes", 2},
                             {"contact_updates", 3},
                             {"photos", 4},
                             {"documents", 2}});
  EXPECT_EQ(changed["created"].size(), 2u);
  EXPECT_EQ(changed["deleted"].size(), 2u);
  EXPECT_EQ(changed["files"].size(), 6u);
  EXPECT_EQ(changed["status_changed"].size(), 5u);
  for (const auto& id : changed["deleted"]) {
    EXPECT_EQ(client->Get("/api1/jobs/" + id.get<std::string>())->status, 404);
  }
  const json ids = json::parse(client->Get("/sandbox/ids/jobs")->body);
  EXPECT_EQ(ids["active"].size(), 80u);  // +2 -2
  EXPECT_EQ(ids["deleted"].size(), 2u);
}

TEST_F(ControlTest, DumpStatsWritesAndReset) {
  const json dump = json::parse(
      client->Get("/sandbox/dump/jobs?fields=jnid,status_name&include_deleted=1")->body);
  EXPECT_EQ(dump["count"], 80);
  EXPECT_EQ(dump["records"][0].size(), 2u);
  EXPECT_TRUE(dump["deleted"].is_array());
  const std::string job = dump["records"][0]["jnid"];
  client->Post("/api1/activities", json{{"note", "n"}, {"primary", {{"id", job}}}}.dump(),
               "application/json");
  const json writes = get_json("/sandbox/writes?endpoint=POST%20/activities");
  EXPECT_EQ(writes["count"], 1);
  EXPECT_EQ(writes["writes"][0]["request"]["note"], "n");
  EXPECT_EQ(get_json("/sandbox/writes?after=" +
                     std::to_string(writes["writes"][0]["seq"].get<int>()))["count"],
            0);
  json stats = get_json("/sandbox/stats");
  EXPECT_EQ(stats["requests"]["POST /activities"], 1);
  EXPECT_EQ(stats["records"]["jobs"]["active"], 80);
  call("POST", "/sandbox/stats/reset");
  stats = get_json("/sandbox/stats");
  EXPECT_EQ(stats["total"], 0);
  call("DELETE", "/sandbox/writes");
  EXPECT_EQ(get_json("/sandbox/writes")["count"], 0);
}

}  // namespace
}  // namespace gep::sandbox::testing

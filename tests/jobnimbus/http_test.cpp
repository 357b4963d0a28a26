// The spec's "nock" tests: the real libcurl transport against a scripted local server, byte-exact
// answers and faults (timeouts, dropped connections, truncated bodies). Retry waits run on a
// ManualClock; only the deliberate timeout test waits for real (a few hundred milliseconds).
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/version.h"
#include "jobnimbus/client_fixture.h"
#include "jobnimbus/scripted_server.h"

namespace gep::jobnimbus {
namespace {

using gep::testing::kTestApiKey;
using gep::testing::make_test_client;
using gep::testing::ScriptedReply;
using gep::testing::ScriptedServer;
using gep::testing::TestClient;

const std::string kJob =
    R"({"jnid":"j1","name":"Roof ☀ Zoë","date_updated":1700000000,"Claim #":"X"})";
const std::string kNote =
    R"({"jnid":"n1","note":"hello","record_type_name":"Note","primary":{"id":"j1"}})";

struct HttpTest : ::testing::Test {
  ScriptedServer server;
  TestClient client = make_test_client(server.base_url());
};

TEST_F(HttpTest, SendsAuthUserAgentAndPath) {
  server.enqueue(ScriptedReply::json(kJob));
  const auto job = client->fetch_job_by_id("j1");
  ASSERT_TRUE(job.ok()) << job.error().describe();
  EXPECT_EQ(job->name, "Roof ☀ Zoë");
  EXPECT_EQ(job->raw_json, kJob);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].path, "/api1/jobs/j1");
  EXPECT_EQ(requests[0].headers.at("authorization"), std::string("Bearer ") + kTestApiKey);
  EXPECT_EQ(requests[0].headers.at("user-agent"), "gep/" + std::string(kVersion));
}

TEST_F(HttpTest, ReusesTheConnection) {
  for (int i = 0; i < 5; ++i) server.enqueue(ScriptedReply::json(kJob));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(client->fetch_job_by_id("j1").ok());
  EXPECT_EQ(server.connection_count(), 1U);
}

TEST_F(HttpTest, Unauthorized401PlainText) {
  server.enqueue(ScriptedReply::http(401, "Unauthorized", {}, "text/plain"));
  const auto jobs = client->fetch_jobs();
  ASSERT_FALSE(jobs.ok());
  EXPECT_EQ(jobs.error().kind, ApiErrorKind::unauthorized);
  EXPECT_EQ(jobs.error().http_status, 401);
  EXPECT_EQ(jobs.error().describe(),
            "unauthorized: JobNimbus rejected the API key (401): Unauthorized");
}

TEST_F(HttpTest, NotFound404Json) {
  server.enqueue(ScriptedReply::http(404, R"({"message":"Record not found","code":404})"));
  const auto job = client->fetch_job_by_id("gone");
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().kind, ApiErrorKind::not_found);
  EXPECT_EQ(job.error().body_excerpt, "Record not found");
}

TEST_F(HttpTest, Validation400PlainAndJson) {
  server.enqueue(ScriptedReply::http(400, "Invalid record_type_name - Note", {}, "text/plain"));
  auto note = client->create_note("j1", {"x", std::nullopt});
  EXPECT_EQ(note.error().kind, ApiErrorKind::validation);
  EXPECT_EQ(note.error().body_excerpt, "Invalid record_type_name - Note");
  server.enqueue(ScriptedReply::http(400, R"({"error":"Invalid record_type_name - Note"})"));
  note = client->create_note("j1", {"x", std::nullopt});
  EXPECT_EQ(note.error().body_excerpt, "Invalid record_type_name - Note");
}

TEST_F(HttpTest, RateLimitedWithAndWithoutRetryAfter) {
  server.enqueue(
      ScriptedReply::http(429, "Too Many Requests", {{"Retry-After", "3"}}, "text/plain"));
  server.enqueue(ScriptedReply::http(
      429, "Too Many Requests", {{"Retry-After", "Tue, 14 Nov 2023 22:13:30 GMT"}}, "text/plain"));
  server.enqueue(ScriptedReply::http(429, R"({"message":"rate limit"})"));
  server.enqueue(ScriptedReply::json(kJob));
  ASSERT_TRUE(client->fetch_job_by_id("j1").ok());
  EXPECT_EQ(server.request_count(), 4U);
  // 3 s, then until 22:13:30 (10 s after the clock's start, 7 s after the first wait), then a
  // jittered backoff of at most 800 ms.
  EXPECT_GE(client.clock->total_slept(), Duration{10'000});
  EXPECT_LE(client.clock->total_slept(), Duration{10'800});
}

TEST_F(HttpTest, ServerErrorThenSuccess) {
  server.enqueue(ScriptedReply::http(500, "Internal Server Error", {}, "text/plain"));
  server.enqueue(ScriptedReply::json(R"({"count":1,"results":[)" + kJob + "]}"));
  const auto jobs = client->fetch_jobs();
  ASSERT_TRUE(jobs.ok()) << jobs.error().describe();
  EXPECT_EQ(jobs->records.size(), 1U);
  EXPECT_EQ(server.request_count(), 2U);
}

TEST_F(HttpTest, TimeoutIsRetriedForReadsAndReported) {
  auto options = gep::testing::test_options(server.base_url(), std::make_shared<ManualClock>());
  options.timeout = Duration{250};
  options.retry.max_attempts = 2;
  auto quick = make_test_client(std::move(options));
  ScriptedReply late = ScriptedReply::json(kJob);
  late.delay = std::chrono::milliseconds{1500};
  server.enqueue(late);
  server.enqueue(late);
  const auto job = quick->fetch_job_by_id("j1");
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().kind, ApiErrorKind::timeout);
  EXPECT_EQ(job.error().attempts, 2);
}

TEST_F(HttpTest, PostTimeoutIsOutcomeUnknown) {
  auto options = gep::testing::test_options(server.base_url(), std::make_shared<ManualClock>());
  options.timeout = Duration{250};
  auto quick = make_test_client(std::move(options));
  ScriptedReply late = ScriptedReply::json(kNote);
  late.delay = std::chrono::milliseconds{1500};
  server.enqueue(late);
  const auto note = quick->create_note("j1", {"hello", std::nullopt});
  ASSERT_FALSE(note.ok());
  EXPECT_EQ(note.error().kind, ApiErrorKind::outcome_unknown);
  EXPECT_EQ(server.request_count(), 1U);
}

TEST_F(HttpTest, DroppedConnectionRetriesAReadButNotAWrite) {
  server.enqueue(ScriptedReply::drop());
  server.enqueue(ScriptedReply::json(kJob));
  ASSERT_TRUE(client->fetch_job_by_id("j1").ok());
  EXPECT_EQ(server.request_count(), 2U);

  server.enqueue(ScriptedReply::drop());
  server.enqueue(ScriptedReply::json(kNote));
  const auto note = client->create_note("j1", {"hello", std::nullopt});
  ASSERT_FALSE(note.ok());
  EXPECT_EQ(note.error().kind, ApiErrorKind::outcome_unknown);
  EXPECT_EQ(server.request_count(), 3U);  // the note was sent once
}

TEST_F(HttpTest, TruncatedBodyIsRetriedThenInvalid) {
  const std::string page = R"({"count":2,"results":[)" + kJob + "," + kJob + "]}";
  server.enqueue(ScriptedReply::truncated(page.substr(0, 40), 60));  // shorter than announced
  server.enqueue(ScriptedReply::json(page));
  const auto jobs = client->fetch_jobs();
  ASSERT_TRUE(jobs.ok()) << jobs.error().describe();
  EXPECT_EQ(jobs->records.size(), 2U);

  // Complete HTTP, truncated JSON: nothing to retry, the body is unreadable.
  server.enqueue(ScriptedReply::json(page.substr(0, page.size() - 10)));
  const auto broken = client->fetch_jobs();
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, ApiErrorKind::invalid_response);
  EXPECT_EQ(broken.error().http_status, 200);
}

TEST_F(HttpTest, NonJsonSuccessIsInvalid) {
  server.enqueue(ScriptedReply::http(200, "<html>maintenance</html>", {}, "text/html"));
  const auto jobs = client->fetch_jobs();
  ASSERT_FALSE(jobs.ok());
  EXPECT_EQ(jobs.error().kind, ApiErrorKind::invalid_response);
}

TEST_F(HttpTest, ConnectionRefusedIsRetriedEvenForAPost) {
  auto refused =
      make_test_client("http://127.0.0.1:" + std::to_string(gep::testing::unused_port()) + "/api1");
  const auto note = refused->create_note("j1", {"hello", std::nullopt});
  ASSERT_FALSE(note.ok());
  EXPECT_EQ(note.error().kind, ApiErrorKind::transient);  // never reached: not outcome_unknown
  EXPECT_EQ(note.error().attempts, 4);
  EXPECT_EQ(note.error().describe().find(kTestApiKey), std::string::npos);
}

TEST_F(HttpTest, KeyNeverInErrorsEvenWhenEchoed) {
  server.set_handler([](const gep::testing::RecordedRequest& request) {
    return ScriptedReply::http(401, "rejected " + request.headers.at("authorization"), {},
                               "text/plain");
  });
  const auto job = client->fetch_job_by_id("j1");
  ASSERT_FALSE(job.ok());
  const std::string text = job.error().describe() + job.error().message + job.error().body_excerpt;
  EXPECT_EQ(text.find(kTestApiKey), std::string::npos) << text;
  EXPECT_NE(text.find("[REDACTED]"), std::string::npos);
}

TEST_F(HttpTest, WritesSendTheDocumentedBodies) {
  server.enqueue(ScriptedReply::json(kNote));
  server.enqueue(
      ScriptedReply::json(R"({"jnid":"t1","title":"Check permit","date_start":1700000100})"));
  server.enqueue(ScriptedReply::json(R"({"jnid":"f1","filename":"a.jpg","record_type":2})"));
  server.enqueue(ScriptedReply::json(R"({"jnid":"j1","status_name":"Paid & Closed"})"));
  ASSERT_TRUE(client->create_note("j1", {"QC: PASS ✓", std::string("c9")}).ok());
  const auto task =
      client->create_task("j1", {"Check permit", std::string("call city"), 1700000100});
  ASSERT_TRUE(task.ok());
  EXPECT_EQ(task->date_start, 1700000100);
  const auto file = client->upload_attachment(
      "j1", {"a.jpg", std::string("\xff\xd8\xff", 3), "image/jpeg", "Before"});
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file->is_photo());
  ASSERT_TRUE(client->update_job_status("j1", "Paid & Closed").ok());

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 4U);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, "/api1/activities");
  EXPECT_EQ(requests[0].headers.at("content-type"), "application/json");
  const auto note = nlohmann::json::parse(requests[0].body);
  EXPECT_EQ(note["note"], "QC: PASS ✓");
  EXPECT_EQ(note["record_type_name"], "Note");
  EXPECT_EQ(note["primary"]["id"], "j1");
  EXPECT_EQ(note["related"][1]["id"], "c9");

  EXPECT_EQ(requests[1].path, "/api1/tasks");
  const auto task_body = nlohmann::json::parse(requests[1].body);
  EXPECT_EQ(task_body["title"], "Check permit");
  EXPECT_EQ(task_body["date_start"], 1700000100);
  EXPECT_EQ(task_body["description"], "call city");
  EXPECT_EQ(task_body["related"][0]["id"], "j1");

  EXPECT_EQ(requests[2].path, "/api1/files");
  const auto upload = nlohmann::json::parse(requests[2].body);
  EXPECT_EQ(upload["data"], "/9j/");
  EXPECT_EQ(upload["type"], 2);
  EXPECT_EQ(upload["related"][0], "j1");
  EXPECT_EQ(upload["filename"], "a.jpg");

  EXPECT_EQ(requests[3].method, "PUT");
  EXPECT_EQ(requests[3].path, "/api1/jobs/j1");
  EXPECT_EQ(nlohmann::json::parse(requests[3].body)["status_name"], "Paid & Closed");
}

TEST_F(HttpTest, ListsSendPagingSortAndFilter) {
  server.enqueue(ScriptedReply::json(R"({"count":0,"results":[]})"));
  server.enqueue(ScriptedReply::json(R"({"count":0,"results":[]})"));
  ASSERT_TRUE(client->fetch_jobs({50, 3, 1700000000}).ok());
  ASSERT_TRUE(client->fetch_contacts().ok());
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].query.at("size"), "50");
  EXPECT_EQ(requests[0].query.at("from"), "100");
  EXPECT_EQ(requests[0].query.at("sort_field"), "date_updated");
  EXPECT_EQ(requests[0].query.at("sort_direction"), "asc");
  EXPECT_EQ(requests[0].query.at("filter"),
            R"({"must":[{"range":{"date_updated":{"gte":1700000000}}}]})");
  EXPECT_EQ(requests[1].path, "/api1/contacts");
  EXPECT_EQ(requests[1].query.at("size"), "100");  // the spec's default batch
}

TEST_F(HttpTest, AttachmentsAndPhotosOfAJob) {
  server.enqueue(ScriptedReply::json(R"({"count":3,"files":[
    {"jnid":"f1","record_type":2,"record_type_name":"Photo","filename":"IMG_1.png","description":"Before - north roof","content_type":"image/png","size":10,"md5":"m1","date_created":1551926855,"date_updated":1551926859,"date_file_created":1551926000},
    {"jnid":"f2","record_type":1,"record_type_name":"Document","filename":"contract.pdf","date_updated":1551926860},
    {"jnid":"f3","record_type_name":"Photo","filename":"after.jpg","date_updated":1551926861}]})"));
  server.enqueue(ScriptedReply::json(R"({"count":3,"files":[
    {"jnid":"f1","record_type":2,"filename":"IMG_1.png","date_updated":1551926859},
    {"jnid":"f3","record_type_name":"Photo","filename":"after.jpg","date_updated":1551926861}]})"));
  const auto files = client->fetch_attachments("scpci");
  ASSERT_TRUE(files.ok()) << files.error().describe();
  EXPECT_EQ(files->size(), 3U);
  const auto photos = client->fetch_job_photos("scpci");
  ASSERT_TRUE(photos.ok());
  ASSERT_EQ(photos->size(), 2U);
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].path, "/api1/files");
  EXPECT_NE(requests[0].query.at("filter").find(R"({"term":{"related.id":"scpci"}})"),
            std::string::npos);
  EXPECT_EQ(requests[0].query.at("size"), "1000");
}

TEST_F(HttpTest, ReconciliationReadsAndSettings) {
  server.enqueue(ScriptedReply::json(
      R"({"count":1,"activity":[{"jnid":"n1","note":"hello","record_type_name":"Note","date_created":1700000001}]})"));
  server.enqueue(
      ScriptedReply::json(R"({"count":1,"results":[{"jnid":"t1","title":"Check permit"}]})"));
  server.enqueue(ScriptedReply::json(
      R"({"workflows":[{"id":1,"object_type":"job","name":"Solar","status":[{"id":3,"name":"Lost","is_closed":true}]}]})"));
  const auto activities = client->fetch_job_activities("j1", 20);
  ASSERT_TRUE(activities.ok());
  EXPECT_EQ(activities->records.at(0).note, "hello");
  const auto tasks = client->fetch_job_tasks("j1");
  ASSERT_TRUE(tasks.ok());
  EXPECT_EQ(tasks->records.at(0).title, "Check permit");
  const auto settings = client->fetch_account_settings();
  ASSERT_TRUE(settings.ok());
  EXPECT_TRUE(settings->workflows.at(0).statuses.at(0).is_closed);
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].path, "/api1/activities");
  EXPECT_EQ(requests[0].query.at("sort_direction"), "desc");
  EXPECT_EQ(requests[1].path, "/api1/tasks");
  EXPECT_EQ(requests[2].path, "/api1/account/settings");
}

TEST_F(HttpTest, OneClientServesManyThreads) {
  server.set_handler([](const gep::testing::RecordedRequest& request) {
    return ScriptedReply::json(R"({"jnid":")" + request.path.substr(request.path.rfind('/') + 1) +
                               R"("})");
  });
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string jnid = "t" + std::to_string(t) + "i" + std::to_string(i);
        const auto job = client->fetch_job_by_id(jnid);
        if (job.ok() && job->jnid == jnid) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 100);
  EXPECT_EQ(client->requests_sent(), 100U);
  EXPECT_LE(server.connection_count(), 8U);  // handles (and their connections) are pooled
}

TEST_F(HttpTest, HealthCheck) {
  server.enqueue(ScriptedReply::json(R"({"count":1,"results":[{"jnid":"x"}]})"));
  const HealthReport ok = client->health_check();
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.to_json(), R"({"status":"ok"})");
  server.enqueue(ScriptedReply::http(401, "Unauthorized", {}, "text/plain"));
  const HealthReport bad = client->health_check();
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.message.rfind("unauthorized: JobNimbus rejected the API key (401)", 0), 0U);
}

}  // namespace
}  // namespace gep::jobnimbus

// Retry, backoff, Retry-After and outcome_unknown on a scripted transport and a ManualClock:
// every wait is simulated, so these tests take milliseconds.
#include <gtest/gtest.h>

#include "jobnimbus/client_fixture.h"
#include "jobnimbus/scripted_transport.h"

namespace gep::jobnimbus {
namespace {

using gep::testing::kTestApiKey;
using gep::testing::make_test_client;
using gep::testing::ScriptedTransport;
using gep::testing::TestClient;

const std::string kRetriedJob = R"({"jnid":"j1","name":"Roof","date_updated":1700000000})";
const std::string kRetriedNote =
    R"({"jnid":"n1","note":"hello","record_type_name":"Note","primary":{"id":"j1"}})";

struct RetryTest : ::testing::Test {
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  TestClient client = make_test_client("https://app.jobnimbus.com/api1", transport);
};

TEST_F(RetryTest, GetRetries5xxThenSucceeds) {
  transport->respond(500, "boom");
  transport->respond(503, "unavailable");
  transport->respond(200, kRetriedJob);
  const auto job = client->fetch_job_by_id("j1");
  ASSERT_TRUE(job.ok()) << job.error().describe();
  EXPECT_EQ(job->name, "Roof");
  EXPECT_EQ(transport->requests().size(), 3U);
  // Full jitter: each wait within [0, 200 ms * 2^n].
  EXPECT_LE(client.clock->total_slept(), Duration{200 + 400});
}

TEST_F(RetryTest, GetGivesUpAfterMaxAttempts) {
  for (int i = 0; i < 10; ++i)
    transport->respond(502, "<html>Bad Gateway</html>", {{"Content-Type", "text/html"}});
  const auto job = client->fetch_job_by_id("j1");
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().kind, ApiErrorKind::transient);
  EXPECT_EQ(job.error().http_status, 502);
  EXPECT_EQ(job.error().attempts, 4);
  EXPECT_EQ(job.error().body_excerpt, "<html>Bad Gateway</html>");
  EXPECT_EQ(transport->requests().size(), 4U);
}

TEST_F(RetryTest, TotalWaitIsCapped) {
  auto clock = std::make_shared<ManualClock>();
  auto options = gep::testing::test_options("https://app.jobnimbus.com/api1", clock);
  options.transport = transport;
  options.retry.max_attempts = 100;
  options.retry.initial_backoff = Duration{1000};
  options.retry.max_backoff = Duration{4000};
  options.retry.max_total_wait = Duration{10'000};
  auto capped = make_test_client(std::move(options));
  for (int i = 0; i < 100; ++i) transport->fail_with(TransportFailureKind::connection_lost, true);
  const auto job = capped->fetch_job_by_id("j1");
  ASSERT_FALSE(job.ok());
  EXPECT_LE(clock->total_slept(), Duration{10'000});
  EXPECT_LT(transport->requests().size(), 100U);
}

TEST_F(RetryTest, NonRetryableStatusesFailAtOnce) {
  transport->respond(401, "Unauthorized", {{"Content-Type", "text/plain"}});
  const auto job = client->fetch_job_by_id("j1");
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().kind, ApiErrorKind::unauthorized);
  EXPECT_EQ(job.error().attempts, 1);
  transport->respond(404, R"({"message":"Job not found"})");
  const auto missing = client->fetch_job_by_id("nope");
  EXPECT_EQ(missing.error().kind, ApiErrorKind::not_found);
  EXPECT_EQ(missing.error().body_excerpt, "Job not found");
  EXPECT_EQ(transport->requests().size(), 2U);
  EXPECT_EQ(client.clock->total_slept(), Duration{0});
}

TEST_F(RetryTest, RateLimitHonoursRetryAfterSeconds) {
  transport->respond(429, "slow down", {{"Retry-After", "7"}});
  transport->respond(200, kRetriedJob);
  ASSERT_TRUE(client->fetch_job_by_id("j1").ok());
  EXPECT_EQ(client.clock->total_slept(), Duration{7000});
}

TEST_F(RetryTest, RateLimitHonoursRetryAfterDate) {
  const int64_t now = to_unix_seconds(client.clock->now());
  const std::string date = now == 1'700'000'000 ? "Tue, 14 Nov 2023 22:13:32 GMT" : "";
  ASSERT_FALSE(date.empty()) << "ManualClock's default start moved";
  transport->respond(429, "", {{"retry-after", date}});  // 1700000012: 12 s from now
  transport->respond(200, kRetriedJob);
  ASSERT_TRUE(client->fetch_job_by_id("j1").ok());
  EXPECT_EQ(client.clock->total_slept(), Duration{12'000});
}

TEST_F(RetryTest, RateLimitWithoutRetryAfterBacksOff) {
  transport->respond(429, R"({"error":"Too many requests"})");
  transport->respond(429, R"({"error":"Too many requests"})");
  transport->respond(200, kRetriedJob);
  ASSERT_TRUE(client->fetch_job_by_id("j1").ok());
  EXPECT_LE(client.clock->total_slept(), Duration{600});
  EXPECT_EQ(transport->requests().size(), 3U);
}

TEST_F(RetryTest, ARetryAfterBeyondTheLimitIsReturned) {
  transport->respond(429, "", {{"Retry-After", "3600"}});
  const auto job = client->fetch_job_by_id("j1");
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().kind, ApiErrorKind::rate_limited);
  EXPECT_EQ(job.error().retry_after, Duration{3'600'000});
  EXPECT_EQ(client.clock->total_slept(), Duration{0});
}

TEST_F(RetryTest, PostAfter5xxIsOutcomeUnknownAndNotRetried) {
  transport->respond(500, "Internal Server Error");
  transport->respond(200, kRetriedNote);
  const auto note = client->create_note("j1", {"hello", std::nullopt});
  ASSERT_FALSE(note.ok());
  EXPECT_EQ(note.error().kind, ApiErrorKind::outcome_unknown);
  EXPECT_EQ(note.error().http_status, 500);
  EXPECT_EQ(transport->requests().size(), 1U);
}

TEST_F(RetryTest, PostTimeoutOrDropAfterSendingIsOutcomeUnknown) {
  transport->fail_with(TransportFailureKind::timeout, true);
  EXPECT_EQ(client->create_note("j1", {"a", std::nullopt}).error().kind,
            ApiErrorKind::outcome_unknown);
  transport->fail_with(TransportFailureKind::connection_lost, true);
  EXPECT_EQ(client->create_task("j1", {"t", std::nullopt, std::nullopt}).error().kind,
            ApiErrorKind::outcome_unknown);
  EXPECT_EQ(transport->requests().size(), 2U);
}

TEST_F(RetryTest, PostThatNeverLeftIsRetried) {
  transport->fail_with(TransportFailureKind::could_not_connect, false, "Connection refused");
  transport->fail_with(TransportFailureKind::timeout, false, "connect timeout");
  transport->respond(200, kRetriedNote);
  const auto note = client->create_note("j1", {"hello", std::nullopt});
  ASSERT_TRUE(note.ok()) << note.error().describe();
  EXPECT_EQ(note->jnid, "n1");
  EXPECT_EQ(transport->requests().size(), 3U);
}

TEST_F(RetryTest, PostRateLimitedIsRetried) {
  transport->respond(429, "", {{"Retry-After", "1"}});
  transport->respond(200, kRetriedNote);
  ASSERT_TRUE(client->create_note("j1", {"hello", std::nullopt}).ok());
  EXPECT_EQ(transport->requests().size(), 2U);
}

TEST_F(RetryTest, PutIsRetriedLikeARead) {
  transport->fail_with(TransportFailureKind::timeout, true);
  transport->respond(503, "");
  transport->respond(200, R"({"jnid":"j1","status_name":"In Progress"})");
  const auto job = client->update_job_status("j1", "In Progress");
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->status_name, "In Progress");
  const auto requests = transport->requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[0].method, HttpMethod::put);
  EXPECT_EQ(requests[0].url, "https://app.jobnimbus.com/api1/jobs/j1");
  EXPECT_EQ(requests[0].body, R"({"status_name":"In Progress"})");
}

TEST_F(RetryTest, TheKeyNeverReachesAnErrorText) {
  const std::string echo = std::string("bad key: Bearer ") + kTestApiKey;
  transport->respond(401, echo);
  transport->respond(400, R"({"message":"key )" + std::string(kTestApiKey) + R"( invalid"})");
  transport->fail_with(TransportFailureKind::other, false,
                       std::string("failure mentioning ") + kTestApiKey);
  for (int i = 0; i < 3; ++i) {
    const auto job = client->fetch_job_by_id("j1");
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().describe().find(kTestApiKey), std::string::npos)
        << job.error().describe();
    EXPECT_EQ(job.error().message.find(kTestApiKey), std::string::npos);
    EXPECT_EQ(job.error().body_excerpt.find(kTestApiKey), std::string::npos);
  }
  transport->respond(401, echo);
  const HealthReport health = client->health_check();
  EXPECT_FALSE(health.ok);
  EXPECT_EQ(health.message.find(kTestApiKey), std::string::npos);
  EXPECT_EQ(health.to_json().find(kTestApiKey), std::string::npos);
}

TEST_F(RetryTest, HealthCheckDoesNotRetry) {
  transport->respond(503, "down");
  const HealthReport health = client->health_check();
  EXPECT_FALSE(health.ok);
  EXPECT_EQ(health.error_kind, ApiErrorKind::transient);
  EXPECT_EQ(transport->requests().size(), 1U);
  transport->respond(200, R"({"count":1,"results":[{"jnid":"x"}]})");
  EXPECT_TRUE(client->health_check().ok);
  EXPECT_EQ(
      client->health_check().to_json(),
      R"({"status":"error","message":"transient: JobNimbus is failing or unavailable (599): unscripted"})");
}

TEST_F(RetryTest, LocalValidationSendsNothing) {
  EXPECT_EQ(client->create_note("", {"x", std::nullopt}).error().kind, ApiErrorKind::validation);
  EXPECT_EQ(client->create_note("j1", {"", std::nullopt}).error().kind, ApiErrorKind::validation);
  EXPECT_EQ(client->fetch_jobs({0, 1, std::nullopt}).error().kind, ApiErrorKind::validation);
  EXPECT_EQ(client->fetch_jobs({1000, 11, std::nullopt}).error().kind, ApiErrorKind::validation);
  EXPECT_TRUE(transport->requests().empty());
}

TEST(ClientCreateTest, RefusesUnusableConfiguration) {
  auto options =
      gep::testing::test_options("http://app.jobnimbus.com/api1", std::make_shared<ManualClock>());
  auto plain = JobNimbusClient::create(options);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.error().kind, ApiErrorKind::configuration);
  options.base_url = "http://127.0.0.1:9/api1";
  EXPECT_TRUE(JobNimbusClient::create(options).ok());
  options.base_url = "http://localhost:9/api1";
  EXPECT_TRUE(JobNimbusClient::create(options).ok());
  options.api_key.clear();
  auto no_key = JobNimbusClient::create(options);
  ASSERT_FALSE(no_key.ok());
  EXPECT_EQ(no_key.error().message,
            "JOBNIMBUS_API_KEY is not set; set it in the environment or .env");
}

}  // namespace
}  // namespace gep::jobnimbus

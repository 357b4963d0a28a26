// Rate limiting and injected faults, seen from a client: statuses, Retry-After forms, dropped
// connections, truncated bodies, and writes that were applied although the client saw a failure.
#include "net/http_client.h"
#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class TrafficTest : public SandboxFixture {
 protected:
  void SetUp() override { start(small_options(50)); }

  void set(const json& settings) {
    const auto response = client->Put("/sandbox/settings", settings.dump(), "application/json");
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body;
  }
  void force(const std::string& kind, const std::string& method, const std::string& path,
             int count = 1) {
    const json body = {{"kind", kind}, {"method", method}, {"path", path}, {"count", count}};
    ASSERT_EQ(client->Post("/sandbox/faults", body.dump(), "application/json")->status, 200);
  }
  std::string a_job() { return list("jobs", "size=1")["results"][0]["jnid"]; }
};

TEST_F(TrafficTest, RateLimitAnswers429WithRetryAfterSeconds) {
  set({{"rate_limit", 3}, {"retry_after", "yes"}});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 200) << i;
  const auto limited = client->Get("/api1/jobs?size=1");
  ASSERT_EQ(limited->status, 429);
  EXPECT_EQ(limited->get_header_value("Retry-After"), "1");
  clock.advance(std::chrono::milliseconds(400));  // 1.2 tokens refilled
  EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 200);
  EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 429);
  EXPECT_EQ(client->Get("/sandbox/stats")->status, 200);  // the control API is never limited
  const json stats = get_json("/sandbox/stats");
  EXPECT_EQ(stats["statuses"]["429"], 2);
  EXPECT_EQ(stats["requests"]["GET /jobs"], 6);
}

TEST_F(TrafficTest, RetryAfterCanBeAbsentOrAnHttpDate) {
  set({{"rate_limit", 1}, {"retry_after", "no"}});
  EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 200);
  const auto bare = client->Get("/api1/jobs?size=1");
  ASSERT_EQ(bare->status, 429);
  EXPECT_FALSE(bare->has_header("Retry-After"));

  set({{"retry_after", "mixed"}});
  std::set<std::string> forms;
  for (int i = 0; i < 4; ++i) {
    const auto limited = client->Get("/api1/jobs?size=1");
    ASSERT_EQ(limited->status, 429);
    forms.insert(limited->get_header_value("Retry-After"));
  }
  EXPECT_TRUE(forms.count("1") == 1);
  bool has_date = false;
  for (const auto& form : forms) has_date = has_date || form.find(" GMT") != std::string::npos;
  EXPECT_TRUE(has_date);
  EXPECT_TRUE(forms.count(http_date(kNow + 2)) == 1) << *forms.rbegin();
  EXPECT_EQ(client->Put("/sandbox/settings", R"({"retry_after":"sometimes"})", "application/json")
                ->status,
            400);
}

TEST_F(TrafficTest, ServerErrorsComeWithPlainTextHtmlOrJsonBodies) {
  force("server_error", "GET", "/api1/jobs", 4);
  std::set<int> statuses;
  for (int i = 0; i < 4; ++i) {
    const auto response = client->Get("/api1/jobs?size=1");
    ASSERT_TRUE(response);
    statuses.insert(response->status);
    EXPECT_FALSE(response->body.empty());
  }
  EXPECT_EQ(statuses, (std::set<int>{500, 502, 503, 504}));
  EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 200);
}

TEST_F(TrafficTest, DroppedConnectionGivesTheClientNothing) {
  force("drop", "GET", "/api1/jobs");
  const auto dropped = client->Get("/api1/jobs?size=1");
  EXPECT_FALSE(dropped);
  EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 200);  // the next one works again
}

TEST_F(TrafficTest, TruncatedBodyEndsTheConnectionMidway) {
  force("truncate", "GET", "/api1/jobs");
  const auto truncated = client->Get("/api1/jobs?size=20");
  EXPECT_FALSE(truncated);  // Content-Length promised more than arrived
  // A client that streams the body sees half of it.
  gep::testing::HttpClient raw("127.0.0.1", sandbox->port());
  raw.set_default_headers({{"Authorization", "Bearer sandbox-key"}});
  force("truncate", "GET", "/api1/jobs");
  std::string received;
  const auto streamed = raw.Get("/api1/jobs?size=20", [&](const char* data, size_t length) {
    received.append(data, length);
    return true;
  });
  EXPECT_FALSE(streamed);
  EXPECT_FALSE(received.empty());
  EXPECT_TRUE(json::parse(received, nullptr, false).is_discarded());
}

TEST_F(TrafficTest, AFaultAfterTheWriteLeavesExactlyOneNote) {
  const std::string job = a_job();
  const json note = {
      {"note", "QC Review: PASS"}, {"record_type_name", "Note"}, {"primary", {{"id", job}}}};
  for (const char* kind :
       {"drop_after_write", "server_error_after_write", "truncate_after_write"}) {
    sandbox->state().clear_writes();
    force(kind, "POST", "/api1/activities");
    const auto response = client->Post("/api1/activities", note.dump(), "application/json");
    const bool failed = !response || response->status >= 500;
    EXPECT_TRUE(failed) << kind;
    const auto writes = sandbox->state().writes();
    ASSERT_EQ(writes.size(), 1u) << kind << ": the server received it once";
    EXPECT_EQ(writes[0].fault, kind);
  }
  // A fault before the write: nothing was applied.
  sandbox->state().clear_writes();
  force("drop", "POST", "/api1/activities");
  EXPECT_FALSE(client->Post("/api1/activities", note.dump(), "application/json"));
  force("server_error", "POST", "/api1/activities");
  EXPECT_GE(client->Post("/api1/activities", note.dump(), "application/json")->status, 500);
  EXPECT_TRUE(sandbox->state().writes().empty());
}

TEST_F(TrafficTest, RandomFaultsHitAboutTheConfiguredFraction) {
  set({{"fault_rate", 0.3}});
  int failed = 0;
  constexpr int kRequests = 300;
  for (int i = 0; i < kRequests; ++i) {
    const auto response = client->Get("/api1/jobs?size=5&fields=jnid");
    if (!response || response->status != 200) ++failed;
  }
  EXPECT_GT(failed, kRequests / 10);
  EXPECT_LT(failed, kRequests / 2);
  const json stats = get_json("/sandbox/stats");
  EXPECT_TRUE(stats["faults"].contains("server_error"));
  EXPECT_TRUE(stats["faults"].contains("drop"));
  EXPECT_TRUE(stats["faults"].contains("truncate"));
}

TEST_F(TrafficTest, LatencyIsAddedToApiRequests) {
  set({{"latency_ms", 30}});
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(client->Get("/api1/jobs?size=1")->status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(30));
  set({{"latency_ms", 0}});
}

}  // namespace
}  // namespace gep::sandbox::testing

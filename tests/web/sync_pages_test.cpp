// The sync page against a scripted JobNimbus: the log's result filter and its pages, the
// connection's health (cached), and a run in progress seen from the page and from
// /api/v1/sync/status while its first listing request is held.
#include <atomic>
#include <future>
#include <thread>

#include "jobnimbus/scripted_server.h"
#include "web/web_pages_fixture.h"

namespace gep::app {
namespace {

using gep::testing::RecordedRequest;
using gep::testing::ScriptedReply;
using gep::testing::ScriptedServer;

constexpr int kFailedRuns = 25;
constexpr const char* kEmptyPage = R"({"count":0,"results":[]})";

bool is_health_probe(const RecordedRequest& request) {
  return request.path == "/api1/jobs" && request.query.contains("size") &&
         request.query.at("size") == "1" && request.query.contains("fields") &&
         request.query.at("fields") == "jnid";
}

class SyncPagesTest : public WebPagesTest {
 public:
  // Lets a held listing request answer (once).
  void release() {
    if (!released_.exchange(true)) release_.set_value();
  }

 protected:
  SyncPagesTest() {
    jobnimbus_.set_handler([this](const RecordedRequest& request) {
      if (is_health_probe(request)) {
        health_probes_.fetch_add(1);
        return healthy_.load() ? ScriptedReply::json(kEmptyPage)
                               : ScriptedReply::http(401, R"({"error":"bad key"})");
      }
      if (request.path == "/api1/jobs" && hold_.exchange(false)) {
        entered_.set_value();
        let_go_.wait();
      }
      return ScriptedReply::json(request.path == "/api1/account/settings" ? "{}" : kEmptyPage);
    });
  }

  // The application goes first: it may still be talking to the scripted JobNimbus.
  void TearDown() override {
    release();
    serving_.reset();
  }

  EnvMap environment() const override {
    return {{"JOBNIMBUS_API_KEY", "sync-pages-jobnimbus-key"},
            {"JOBNIMBUS_BASE_URL", jobnimbus_.base_url()}};
  }

  void seed(store::Database& database) override {
    seed_mirror(database);
    for (int run = 0; run < kFailedRuns + 2; ++run) {
      domain::SyncLog log;
      log.entity = run < kFailedRuns ? "contacts" : "files";
      log.status = run < kFailedRuns ? domain::SyncStatus::failed : domain::SyncStatus::success;
      log.error_message = run < kFailedRuns ? "JobNimbus answered 503" : "";
      log.trigger = "schedule";
      log.created_at = 1'700'000'000 + run;
      ASSERT_TRUE(database.sync_logs().append(log));
    }
  }

  ScriptedServer jobnimbus_;
  std::atomic<int> health_probes_{0};
  std::atomic<bool> healthy_{true};
  std::atomic<bool> hold_{false};
  std::promise<void> entered_;
  std::promise<void> release_;
  std::shared_future<void> let_go_ = release_.get_future().share();
  std::atomic<bool> released_{false};
};

size_t count_of(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

TEST_F(SyncPagesTest, TheSyncLogFiltersByResultAndPagesWithinTheFilter) {
  const Browser browser = sign_in();
  const auto failed = get("/sync?status=FAILED", browser);
  ASSERT_TRUE(failed);
  ASSERT_EQ(failed->status, 200);
  EXPECT_NE(failed->body.find("Sync log (25)"), std::string::npos);
  EXPECT_EQ(count_of(failed->body, "badge-failed\">FAILED"), 20U);
  EXPECT_EQ(failed->body.find(">SUCCESS<"), std::string::npos);
  EXPECT_NE(failed->body.find(R"(<option value="FAILED" selected>)"), std::string::npos);
  EXPECT_NE(failed->body.find(R"(href="/sync?logs=1&amp;status=FAILED")"), std::string::npos);
  EXPECT_NE(failed->body.find(R"(<a href="/sync">Every result</a>)"), std::string::npos);

  const auto older = get("/sync?logs=1&status=FAILED", browser);
  ASSERT_TRUE(older);
  EXPECT_EQ(count_of(older->body, "badge-failed\">FAILED"), 5U);
  const auto succeeded = get("/sync?status=SUCCESS", browser);
  ASSERT_TRUE(succeeded);
  EXPECT_NE(succeeded->body.find("Sync log (2)"), std::string::npos);
  EXPECT_EQ(succeeded->body.find(">FAILED<"), std::string::npos);
  const auto unknown = get("/sync?status=LOST", browser);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);

  const HttpHeaders key = {{"x-internal-api-key", kApiKey}};
  const auto api = client().Get("/api/v1/sync/logs?status=FAILED&limit=5", key);
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  const auto body = nlohmann::json::parse(api->body);
  EXPECT_EQ(body["total"], kFailedRuns);
  ASSERT_EQ(body["logs"].size(), 5U);
  for (const auto& log : body["logs"]) EXPECT_EQ(log["status"], "FAILED");
  const auto bad = client().Get("/api/v1/sync/logs?status=lost", key);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(nlohmann::json::parse(bad->body).contains("error"));
}

TEST_F(SyncPagesTest, TheConnectionsHealthIsShownAndAskedAtMostOnceIn30Seconds) {
  const Browser browser = sign_in();
  const auto first = get("/sync", browser);
  ASSERT_TRUE(first);
  EXPECT_NE(first->body.find("Connected: JobNimbus answered at "), std::string::npos);
  EXPECT_EQ(health_probes_.load(), 1);

  healthy_ = false;  // within 30 s the page keeps the answer it has
  const auto second = get("/sync", browser);
  ASSERT_TRUE(second);
  EXPECT_NE(second->body.find("Connected: JobNimbus answered at "), std::string::npos);
  const auto status = get("/api/v1/sync/status", browser);
  ASSERT_TRUE(status);
  ASSERT_EQ(status->status, 200);
  const auto body = nlohmann::json::parse(status->body);
  EXPECT_EQ(body["jobnimbus"]["status"], "ok");
  EXPECT_TRUE(body["jobnimbus"]["checkedAt"].is_string());
  EXPECT_EQ(body["running"], false);
  EXPECT_EQ(health_probes_.load(), 1);
}

TEST_F(SyncPagesTest, ARunningSyncShowsItsProgressDisablesTheButtonsThenLogsItsLine) {
  const Browser browser = sign_in();
  const auto idle = get("/sync", browser);
  ASSERT_TRUE(idle);
  EXPECT_NE(idle->body.find("No sync is running."), std::string::npos);
  EXPECT_EQ(idle->body.find("disabled"), std::string::npos);

  hold_ = true;
  std::future<int> run = std::async(std::launch::async, [&] {
    const auto answer =
        post_form("/sync/run", form({{"csrf", browser.csrf}, {"entity", "jobs"}}), browser.cookie);
    return answer ? answer->status : 0;
  });
  ASSERT_EQ(entered_.get_future().wait_for(std::chrono::seconds(20)), std::future_status::ready);
  // A failed expectation below must not leave the held request (and `run`) waiting for ever.
  struct LetGo {
    SyncPagesTest& test;
    ~LetGo() { test.release(); }
  } const let_go{*this};

  const auto status = get("/api/v1/sync/status", browser);
  ASSERT_TRUE(status);
  const auto body = nlohmann::json::parse(status->body);
  EXPECT_EQ(body["running"], true);
  EXPECT_EQ(body["what"], "jobs");
  EXPECT_EQ(body["trigger"], "dashboard");
  EXPECT_TRUE(body["startedAt"].is_string());
  EXPECT_EQ(body["summary"].get<std::string>().rfind("Syncing jobs (started ", 0), 0U);
  const auto running = get("/sync", browser);
  ASSERT_TRUE(running);
  EXPECT_NE(running->body.find("Syncing jobs (started "), std::string::npos);
  EXPECT_NE(running->body.find(" by dashboard): 0 records listed."), std::string::npos);
  EXPECT_EQ(count_of(running->body, " disabled>Sync "), 3U);
  EXPECT_NE(running->body.find(R"(data-running="true")"), std::string::npos);
  const auto second = post_form("/sync/run", form({{"csrf", browser.csrf}, {"entity", "contacts"}}),
                                browser.cookie);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->get_header_value("Location"), "/sync?busy=1");

  release();
  EXPECT_EQ(run.get(), 303);
  const auto after = get("/sync", browser);
  ASSERT_TRUE(after);
  EXPECT_NE(after->body.find("No sync is running."), std::string::npos);
  EXPECT_NE(after->body.find("<td>jobs</td><td>dashboard</td>"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(get("/api/v1/sync/status", browser)->body)["running"], false);
}

}  // namespace
}  // namespace gep::app

// The write-back HTTP routes on a real server and store, with a fake JobNimbus behind the worker.
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/outbox_json.h"
#include "http/server.h"
#include "http/writeback_routes.h"
#include "net/http_client.h"
#include "sync/outbox_fixture.h"

namespace gep::sync {
namespace {

using nlohmann::json;
constexpr const char* kKey = "outbox-routes-key";

class OutboxRoutesTest : public OutboxFixture {
 protected:
  void SetUp() override {
    OutboxFixture::SetUp();
    http::ServerOptions options;
    options.limits.worker_threads = 4;
    server_ = std::make_unique<http::HttpServer>(options, http::internal_api_key_guard(kKey));
    writebacks_ = std::make_unique<sync::WritebackService>(*database_, [this] { ++queued_; });
    http::add_writeback_routes(server_->router(), *writebacks_);
    // The listings are cached as in gep serve: every assertion on them after a write also proves
    // that the write moved the version its cached answer was kept under.
    lists_ =
        std::make_unique<http::ListCache>([this](std::initializer_list<std::string_view> tables) {
          return database_->data_version(tables);
        });
    http::add_outbox_routes(server_->router(), *database_, clock_, *lists_, [this] { ++queued_; });
    const auto port = server_->bind();
    ASSERT_TRUE(port.ok());
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<gep::testing::HttpClient>("127.0.0.1", *port);
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
    OutboxFixture::TearDown();
  }

  std::pair<int, json> call(const std::string& method, const std::string& path,
                            const std::string& body = "", bool authorized = true) {
    gep::testing::HttpHeaders headers;
    if (authorized) headers.emplace_back("x-internal-api-key", kKey);
    const auto answer = method == "GET"
                            ? client_->Get(path.c_str(), headers)
                            : client_->Post(path.c_str(), headers, body, "application/json");
    if (!answer) return {0, json()};
    return {answer->status, json::parse(answer->body, nullptr, false)};
  }

  std::unique_ptr<sync::WritebackService> writebacks_;
  std::unique_ptr<http::ListCache> lists_;
  std::unique_ptr<http::HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<gep::testing::HttpClient> client_;
  std::atomic<int> queued_{0};
};

TEST_F(OutboxRoutesTest, QueuesANoteAndAnswers202WithTheItem) {
  const auto [status, body] = call("POST", "/api/v1/jobs/job1/notes", R"({"text":"hello"})");
  EXPECT_EQ(status, 202);
  EXPECT_EQ(body["kind"], "note");
  EXPECT_EQ(body["status"], "pending");
  EXPECT_EQ(body["jobId"], job_.id);
  EXPECT_EQ(body["jobNimbusJobId"], "job1");
  EXPECT_EQ(body["payload"]["text"], "hello");
  EXPECT_EQ(queued_.load(), 1);
  // Our id works as well as the jnid.
  EXPECT_EQ(
      call("POST", "/api/v1/jobs/" + std::to_string(job_.id) + "/notes", R"({"text":"again"})")
          .first,
      202);
}

TEST_F(OutboxRoutesTest, RefusesBadInputAndUnknownJobsWithTheEnvelope) {
  const auto check = [&](const std::string& path, const std::string& body, int expected,
                         const std::string& code) {
    const auto [status, answer] = call("POST", path, body);
    EXPECT_EQ(status, expected) << path << " " << body;
    EXPECT_EQ(answer["error"]["code"], code) << path << " " << body;
  };
  check("/api/v1/jobs/job1/notes", "not json", 400, "validation");
  check("/api/v1/jobs/job1/notes", R"({"text":5})", 400, "validation");
  check("/api/v1/jobs/job1/notes", R"({})", 400, "validation");
  check("/api/v1/jobs/job1/tasks", R"({"title":"t","dueDate":"someday"})", 400, "validation");
  check("/api/v1/jobs/job1/status", R"({"status":""})", 400, "validation");
  check("/api/v1/jobs/job1/attachments", R"({"fileName":"a.txt","contentBase64":"%%%"})", 400,
        "validation");
  check("/api/v1/jobs/job1/attachments", R"({"fileName":"/","contentBase64":"aGk="})", 400,
        "validation");
  check("/api/v1/jobs/nope/notes", R"({"text":"x"})", 404, "not_found");
  EXPECT_EQ(call("POST", "/api/v1/jobs/job1/notes", R"({"text":"x"})", false).first, 401);
  EXPECT_EQ(queued_.load(), 0);
}

TEST_F(OutboxRoutesTest, QueuesTasksStatusAndAttachments) {
  auto [task_status, task] =
      call("POST", "/api/v1/jobs/job1/tasks",
           R"({"title":"Site survey","description":"bring ladder","dueDate":"2024-05-01"})");
  EXPECT_EQ(task_status, 202);
  EXPECT_EQ(task["payload"]["dueDate"], 1714521600);
  EXPECT_EQ(call("POST", "/api/v1/jobs/job1/status", R"({"status":"Sold"})")
                .second["payload"]["previousStatus"],
            "Lead");
  auto [file_status, file] = call(
      "POST", "/api/v1/jobs/job1/attachments",
      R"({"fileName":"../evil/\u0007plan.pdf","contentBase64":"JVBERi0=","fileType":"document"})");
  EXPECT_EQ(file_status, 202);
  EXPECT_EQ(file["payload"]["fileName"], "plan.pdf");
  EXPECT_EQ(file["payload"]["sizeBytes"], 5);
  EXPECT_FALSE(file["payload"].contains("contentBase64"));  // never echoed

  gep::testing::MultipartItems parts{{"file", "GIF89a", "../../photo.gif", "image/gif"},
                                     {"description", "north face", "", ""}};
  const auto multipart =
      client_->Post("/api/v1/jobs/job1/attachments", {{"x-internal-api-key", kKey}}, parts);
  ASSERT_TRUE(multipart);
  EXPECT_EQ(multipart->status, 202);
  const json uploaded = json::parse(multipart->body);
  EXPECT_EQ(uploaded["payload"]["fileName"], "photo.gif");
  EXPECT_EQ(uploaded["payload"]["fileType"], "image/gif");
  EXPECT_EQ(uploaded["payload"]["description"], "north face");
}

TEST_F(OutboxRoutesTest, ListsTheOutboxAndRetriesOnlyDeadItems) {
  call("POST", "/api/v1/jobs/job1/notes", R"({"text":"one"})");
  const auto [created, second] = call("POST", "/api/v1/jobs/job1/notes", R"({"text":"two"})");
  const int64_t id = second["id"];
  writer_.failures = {{jobnimbus::ApiErrorKind::validation, false}};
  worker().run_once();  // "one" is refused (dead), "two" delivered

  auto [status, listing] = call("GET", "/api/v1/sync/outbox?status=dead");
  EXPECT_EQ(status, 200);
  ASSERT_EQ(listing["total"], 1);
  const int64_t dead_id = listing["items"][0]["id"];
  EXPECT_EQ(listing["items"][0]["status"], "dead");
  EXPECT_NE(listing["items"][0]["lastError"].get<std::string>(), "");
  EXPECT_EQ(call("GET", "/api/v1/sync/outbox?limit=1").second["total"], 2);
  EXPECT_EQ(call("GET", "/api/v1/sync/outbox?status=weird").first, 400);

  EXPECT_EQ(call("POST", "/api/v1/sync/outbox/" + std::to_string(id) + "/retry").first, 409);
  EXPECT_EQ(call("POST", "/api/v1/sync/outbox/999/retry").first, 404);
  const auto [retried_status, retried] =
      call("POST", "/api/v1/sync/outbox/" + std::to_string(dead_id) + "/retry");
  EXPECT_EQ(retried_status, 200);
  EXPECT_EQ(retried["status"], "pending");
  EXPECT_EQ(retried["attempts"], 0);
  // The dead listing read (and cached) above follows the retry at once.
  EXPECT_EQ(call("GET", "/api/v1/sync/outbox?status=dead").second["total"], 0);
  EXPECT_EQ(call("GET", "/api/v1/sync/outbox?status=pending").second["total"], 1);
  EXPECT_EQ(worker().run_once().delivered, 1);
  EXPECT_EQ(writer_.notes_with_text("one"), 1);
  EXPECT_EQ(call("GET", "/api/v1/sync/outbox/" + std::to_string(dead_id)).second["status"],
            "delivered");
  // ... and the delivery.
  EXPECT_EQ(call("GET", "/api/v1/sync/outbox?status=pending").second["total"], 0);
}

TEST_F(OutboxRoutesTest, ListsAndResolvesConflicts) {
  const auto item = enqueue(status_item(job_, {"Sold"}));
  EXPECT_EQ(call("GET", "/api/v1/sync/conflicts?status=open").second["total"], 0);  // cached
  domain::Conflict conflict;
  conflict.job_id = job_.id;
  conflict.job_jnid = "job1";
  conflict.field = "status";
  conflict.local_value = "Sold";
  conflict.remote_value = "Lost";
  conflict.outbox_id = item.id;
  const auto recorded = database_->conflicts().record(conflict);
  ASSERT_TRUE(recorded.ok());
  const std::string path = "/api/v1/sync/conflicts/" + std::to_string(recorded->id) + "/resolve";

  auto [status, listing] = call("GET", "/api/v1/sync/conflicts?status=open");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(listing["total"], 1);
  EXPECT_EQ(listing["conflicts"][0]["remoteValue"], "Lost");
  EXPECT_EQ(call("POST", path, R"({"keep":"both"})").first, 400);
  const auto [resolved_status, resolved] = call("POST", path, R"({"keep":"remote"})");
  EXPECT_EQ(resolved_status, 200);
  EXPECT_EQ(resolved["resolution"], "remote");
  EXPECT_EQ(call("POST", path, R"({"keep":"local"})").first, 409);
  EXPECT_EQ(call("POST", "/api/v1/sync/conflicts/77/resolve", R"({"keep":"local"})").first, 404);
  EXPECT_EQ(reload(item.id).status, domain::OutboxStatus::dead);
  // The open listing read (and cached) above no longer holds the resolved conflict.
  EXPECT_EQ(call("GET", "/api/v1/sync/conflicts?status=open").second["total"], 0);
  EXPECT_EQ(call("GET", "/api/v1/sync/conflicts?status=resolved").second["total"], 1);
}

}  // namespace
}  // namespace gep::sync

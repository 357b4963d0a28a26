#include "http/server.h"
#include "net/http_client.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/health_routes.h"
#include "http/json_response.h"

namespace gep::http {
namespace {

constexpr const char* kKey = "internal-test-key-123";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.limits.max_body_bytes = 1024;
    options.limits.worker_threads = 4;
    server_ = std::make_unique<HttpServer>(options, internal_api_key_guard(kKey));
    auto& router = server_->router();
    router.get(
        "/api/v1/echo/:id", Access::open,
        [](const gep::net::Request&, gep::net::Response& response, const PathParams& params) {
          send_json(response, 200, {{"id", params.at("id")}});
        });
    router.post(
        "/api/v1/upload", Access::open,
        [](const gep::net::Request& request, gep::net::Response& response, const PathParams&) {
          send_json(response, 200, {{"bytes", request.body.size()}});
        });
    router.get("/api/v1/private", Access::internal,
               [](const gep::net::Request&, gep::net::Response& response, const PathParams&) {
                 send_json(response, 200, {{"secret", "data"}});
               });
    router.get("/api/v1/boom", Access::open,
               [](const gep::net::Request&, gep::net::Response&, const PathParams&) {
                 throw std::runtime_error("db password is hunter2");
               });
    router.get("/api/v1/slow", Access::open,
               [this](const gep::net::Request&, gep::net::Response& response, const PathParams&) {
                 slow_started_.set_value();
                 release_slow_.get_future().wait();
                 send_json(response, 200, {{"finished", true}});
               });
    add_health_routes(router, [this] { return database_; });
    const auto port = server_->bind();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  gep::testing::HttpClient client() const { return gep::testing::HttpClient("127.0.0.1", port_); }

  std::unique_ptr<HttpServer> server_;
  uint16_t port_ = 0;
  std::thread thread_;
  DatabaseHealth database_{true, "sqlite", 1, ""};
  std::promise<void> slow_started_;
  std::promise<void> release_slow_;
};

nlohmann::json body_of(const gep::testing::HttpResult& result) {
  return nlohmann::json::parse(result->body);
}

TEST_F(ServerTest, RoutesWithParameters) {
  const auto result = client().Get("/api/v1/echo/job-42");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(body_of(result)["id"], "job-42");
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(ServerTest, UnknownRouteAnswers404Envelope) {
  const auto result = client().Get("/api/v1/nope?token=abc");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  const auto body = body_of(result);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "no route for GET /api/v1/nope");
}

TEST_F(ServerTest, BodyOverTheLimitAnswers413Envelope) {
  const auto result =
      client().Post("/api/v1/upload", std::string(4096, 'x'), "application/octet-stream");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(body_of(result)["error"]["code"], "payload_too_large");
  const auto small =
      client().Post("/api/v1/upload", std::string(100, 'x'), "application/octet-stream");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST_F(ServerTest, PostWithoutContentLengthAnswers411AtOnce) {
  // A client library always sends Content-Length, so write the request by hand.
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port_);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string request =
      "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(::send(socket, request.data(), request.size(), 0),
            static_cast<ssize_t>(request.size()));
  std::string answer(4096, '\0');
  const ssize_t received = ::recv(socket, answer.data(), answer.size(), MSG_WAITALL);
  ::close(socket);
  ASSERT_GT(received, 0);
  answer.resize(static_cast<size_t>(received));
  EXPECT_EQ(answer.rfind("HTTP/1.1 411", 0), 0U) << answer;
  EXPECT_NE(answer.find("\"code\":\"length_required\""), std::string::npos);
}

TEST_F(ServerTest, InternalRoutesNeedTheKey) {
  const auto missing = client().Get("/api/v1/private");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(body_of(missing)["error"]["code"], "unauthorized");
  const auto wrong =
      client().Get("/api/v1/private", {{"x-internal-api-key", "internal-test-key-124"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  const auto right = client().Get("/api/v1/private", {{"x-internal-api-key", kKey}});
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200);
}

TEST_F(ServerTest, ExceptionsBecome500WithoutDetails) {
  const auto result = client().Get("/api/v1/boom");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 500);
  EXPECT_EQ(result->body.find("hunter2"), std::string::npos);
  EXPECT_FALSE(result->has_header("EXCEPTION_WHAT"));
  EXPECT_EQ(body_of(result)["error"]["code"], "internal_error");
}

TEST_F(ServerTest, HealthReportsTheDatabase) {
  const auto ok = client().Get("/api/v1/health");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(body_of(ok)["database"]["status"], "ok");
  EXPECT_EQ(body_of(ok)["database"]["backend"], "sqlite");
  database_ = {false, "postgres", 0, "connection refused"};
  const auto down = client().Get("/api/v1/health");
  ASSERT_TRUE(down);
  EXPECT_EQ(down->status, 503);
  EXPECT_EQ(body_of(down)["error"]["code"], "database_unavailable");
  EXPECT_EQ(body_of(down)["database"]["status"], "error");
}

TEST_F(ServerTest, StopLetsInFlightRequestsFinish) {
  auto in_flight = std::async(std::launch::async, [this] { return client().Get("/api/v1/slow"); });
  slow_started_.get_future().wait();
  server_->stop();  // returns at once: closes the listener, then waits for workers in run()
  EXPECT_EQ(in_flight.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout);
  release_slow_.set_value();
  const auto result = in_flight.get();
  thread_.join();
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(body_of(result)["finished"], true);
  EXPECT_FALSE(client().Get("/api/v1/health"));  // no longer listening
}

}  // namespace
}  // namespace gep::http

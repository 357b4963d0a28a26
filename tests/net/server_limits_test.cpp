// net::Server in process: keep-alive, limits enforced by the parser, wire faults, the
// connection cap and a graceful stop.
#include "net/server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <future>
#include <thread>

#include "net/http_client.h"

namespace gep::net {
namespace {
namespace asio = boost::asio;

class ServerLimitsTest : public ::testing::Test {
 protected:
  void start(ServerLimits limits) {
    routes_.add("GET", "/hello",
                [](Request&, Response& response) { response.set_content("hello", "text/plain"); });
    routes_.add("POST", "/echo", [](Request& request, Response& response) {
      response.set_content(std::to_string(request.body.size()), "text/plain");
    });
    routes_.add("POST", "/upload", [](Request& request, Response& response) {
      response.set_content(std::to_string(request.body.size()), "text/plain");
    });
    routes_.add("GET", "/drop", [](Request&, Response& response) {
      response.set_content("never", "text/plain");
      response.fault = {WireFault::Kind::drop, 0};
    });
    routes_.add("GET", "/slow", [this](Request&, Response& response) {
      slow_started_.set_value();
      release_.get_future().wait();
      response.set_content("done", "text/plain");
    });
    ServerHooks hooks;
    hooks.handler = [this](Request& request, Response& response) {
      if (!routes_.dispatch(request, response)) response.status = 404;
    };
    hooks.body_limit = [](const Request& head) -> int64_t {
      return head.path == "/upload" ? 64 * 1024 : 1024;
    };
    server_ = std::make_unique<Server>(limits, std::move(hooks));
    const auto port = server_->bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok()) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  // Writes `raw` on a new connection and reads until the server closes it.
  std::string exchange(const std::string& raw) const {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port_});
    boost::system::error_code error;
    asio::write(socket, asio::buffer(raw), error);
    std::string answer;
    asio::read(socket, asio::dynamic_buffer(answer), error);
    return answer;
  }

  testing::HttpClient client() const { return testing::HttpClient("127.0.0.1", port_); }

  RouteTable routes_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
  std::promise<void> slow_started_;
  std::promise<void> release_;
};

TEST_F(ServerLimitsTest, KeepAliveServesManyRequestsOnOneConnection) {
  start({});
  auto http = client();
  for (int i = 0; i < 50; ++i) {
    const auto answer = http.Get("/hello");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->body, "hello");
  }
  EXPECT_EQ(server_->open_connections(), 1U);
}

TEST_F(ServerLimitsTest, PipelinedRequestsAreAnsweredInOrder) {
  start({});
  const std::string answer = exchange(
      "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
  const size_t first = answer.find("HTTP/1.1 200");
  const size_t second = answer.find("HTTP/1.1 404");
  const size_t third = answer.find("HTTP/1.1 200", first + 1);
  ASSERT_NE(first, std::string::npos) << answer;
  ASSERT_NE(second, std::string::npos) << answer;
  ASSERT_NE(third, std::string::npos) << answer;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_NE(answer.find("\r\n\r\n3"), std::string::npos);
}

TEST_F(ServerLimitsTest, BodyLimitsHoldPerRouteChunkedOrNot) {
  start({});
  const std::string big(2048, 'x');
  EXPECT_EQ(client().Post("/echo", big, "text/plain")->status, 413);
  EXPECT_EQ(client().Post("/upload", big, "text/plain")->body, "2048");
  std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) chunked += "400\r\n" + std::string(1024, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(exchange(chunked).rfind("HTTP/1.1 413", 0), 0U);
}

TEST_F(ServerLimitsTest, MalformedFramingIsRefused) {
  start({});
  EXPECT_EQ(exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                .rfind("HTTP/1.1 400", 0),
            0U);
  EXPECT_EQ(exchange("POST /echo HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 411", 0), 0U);
  std::string many = "GET /hello HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 200; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(exchange(many + "\r\n").rfind("HTTP/1.1 431", 0), 0U);
  EXPECT_EQ(
      exchange("GET /hello HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(20000, 'a') + "\r\n\r\n")
          .rfind("HTTP/1.1 431", 0),
      0U);
}

TEST_F(ServerLimitsTest, AHeaderThatTricklesIsClosedAtItsDeadline) {
  ServerLimits limits;
  limits.header_timeout = std::chrono::milliseconds(300);
  start(limits);
  const auto started = std::chrono::steady_clock::now();
  const std::string answer = exchange("GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  EXPECT_TRUE(answer.empty()) << answer;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST_F(ServerLimitsTest, ADroppedAnswerClosesWithoutAByte) {
  start({});
  EXPECT_TRUE(exchange("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n").empty());
  EXPECT_TRUE(client().Get("/hello"));  // the server goes on
}

TEST_F(ServerLimitsTest, PastTheCapAConnectionGets503) {
  ServerLimits limits;
  limits.max_connections_per_client = 2;
  start(limits);
  auto first = client();
  auto second = client();
  ASSERT_TRUE(first.Get("/hello"));
  ASSERT_TRUE(second.Get("/hello"));
  EXPECT_EQ(exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 503", 0), 0U);
}

TEST_F(ServerLimitsTest, StopLetsAnInFlightRequestFinish) {
  start({});
  auto in_flight = std::async(std::launch::async, [this] { return client().Get("/slow"); });
  slow_started_.get_future().wait();
  server_->stop();
  release_.set_value();
  const auto answer = in_flight.get();
  thread_.join();
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->body, "done");
  EXPECT_FALSE(client().Get("/hello"));
}

}  // namespace
}  // namespace gep::net

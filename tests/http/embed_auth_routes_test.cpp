// Issue 6, items 1, 3 and 5 over HTTP: POST /api/v1/embed/links, GET .../session/resolve, and the
// frame-ancestors policy of every answer.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/clock.h"
#include "http/embed_routes.h"
#include "http/json_response.h"
#include "http/server.h"
#include "net/http_client.h"

namespace gep::http {
namespace {

constexpr const char* kKey = "embed-routes-internal-key";
constexpr const char* kSecret = "embed-routes-secret-0123456789abcdef";

class FakeDirectory final : public embed::EmbedJobDirectory {
 public:
  Result<bool> is_active_job(const std::string& job_key) override {
    const auto found = active.find(job_key);
    return found != active.end() && found->second;
  }
  std::map<std::string, bool> active = {{"17", true}, {"jnid-a", true}, {"jnid-gone", false}};
};

class EmbedRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    embed::EmbedTokenSettings settings;
    settings.secret = kSecret;
    tokens_ = std::make_unique<embed::EmbedTokens>(*codec_, clock_, settings);
    links_ = std::make_unique<embed::EmbedLinkService>(*tokens_, jobs_, "http://localhost:3002");
    ServerOptions options;
    options.limits.worker_threads = 4;
    options.embed_frame_ancestors = "https://app.jobnimbus.com https://*.example.com";
    server_ = std::make_unique<HttpServer>(options, internal_api_key_guard(kKey));
    add_embed_routes(server_->router(), *links_);
    server_->router().get(
        "/embed/qc", Access::open,
        [](const gep::net::Request&, gep::net::Response& response, const PathParams&) {
          response.set_content("<p>qc</p>", "text/html");
        });
    const auto port = server_->bind();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  gep::testing::HttpResult create(const nlohmann::json& body, const char* key = kKey) {
    gep::testing::HttpClient client("127.0.0.1", port_);
    gep::testing::HttpHeaders headers;
    if (key != nullptr) headers.emplace_back("x-internal-api-key", key);
    return client.Post("/api/v1/embed/links", headers, body.dump(), "application/json");
  }

  gep::testing::HttpResult resolve(const std::string& query) {
    gep::testing::HttpClient client("127.0.0.1", port_);
    return client.Get(("/api/v1/embed/session/resolve" + query).c_str());
  }

  static std::string code_of(const gep::testing::HttpResult& result) {
    return nlohmann::json::parse(result->body)["error"]["code"].get<std::string>();
  }

  std::string token_for(const std::string& job, const std::string& panel) {
    const auto created = create({{"jobId", job}, {"panelType", panel}});
    EXPECT_TRUE(created && created->status == 200);
    const std::string url = nlohmann::json::parse(created->body)["url"];
    return url.substr(url.find("?token=") + 7);
  }

  ManualClock clock_;
  std::unique_ptr<embed::JwtCodec> codec_ = embed::make_libjwt_codec();
  std::unique_ptr<embed::EmbedTokens> tokens_;
  FakeDirectory jobs_;
  std::unique_ptr<embed::EmbedLinkService> links_;
  std::unique_ptr<HttpServer> server_;
  uint16_t port_ = 0;
  std::thread thread_;
};

TEST_F(EmbedRoutesTest, CreatesALinkInTheSpecsShape) {
  const auto created = create({{"jobId", "jnid-a"}, {"panelType", "QC_PANEL"}});
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 200) << created->body;
  const auto body = nlohmann::json::parse(created->body);
  EXPECT_EQ(body["url"].get<std::string>().rfind("http://localhost:3002/embed/qc?token=ey", 0), 0U);
  EXPECT_EQ(body["panelType"], "QC_PANEL");
  EXPECT_EQ(body["jobId"], "jnid-a");
  EXPECT_EQ(body["expiresAt"], "2023-11-14T22:43:20Z");  // ManualClock start + 30 min
  const auto numeric = create({{"jobId", 17}, {"panelType", "RISK_VIEW"}});
  ASSERT_EQ(numeric->status, 200);
  EXPECT_EQ(nlohmann::json::parse(numeric->body)["jobId"], "17");
}

TEST_F(EmbedRoutesTest, RefusesBadRequests) {
  EXPECT_EQ(create({{"jobId", "jnid-a"}, {"panelType", "QC_PANEL"}}, nullptr)->status, 401);
  EXPECT_EQ(create({{"jobId", "jnid-a"}, {"panelType", "QC_PANEL"}}, "wrong")->status, 401);
  const auto bad_panel = create({{"jobId", "jnid-a"}, {"panelType", "ADMIN"}});
  EXPECT_EQ(bad_panel->status, 400);
  EXPECT_EQ(code_of(bad_panel), "invalid_panel_type");
  EXPECT_EQ(create({{"jobId", "jnid-a"}})->status, 400);
  EXPECT_EQ(create({{"panelType", "QC_PANEL"}})->status, 400);
  EXPECT_EQ(create(nlohmann::json::array({1, 2}))->status, 400);
  const auto unknown = create({{"jobId", "nope"}, {"panelType", "QC_PANEL"}});
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(code_of(unknown), "not_found");
  EXPECT_EQ(create({{"jobId", "jnid-gone"}, {"panelType", "QC_PANEL"}})->status, 404);
}

TEST_F(EmbedRoutesTest, ResolvesAndRefusesWithReasonCodes) {
  const std::string token = token_for("jnid-a", "CUSTOMER_PORTAL_VIEW");
  const auto resolved = resolve("?token=" + token);
  ASSERT_EQ(resolved->status, 200) << resolved->body;
  const auto body = nlohmann::json::parse(resolved->body);
  EXPECT_EQ(body["jobId"], "jnid-a");
  EXPECT_EQ(body["panelType"], "CUSTOMER_PORTAL_VIEW");
  EXPECT_EQ(body["exp"], to_unix_seconds(clock_.now()) + 1800);

  EXPECT_EQ(code_of(resolve("")), "malformed");
  EXPECT_EQ(resolve("")->status, 401);
  std::string tampered = token;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(code_of(resolve("?token=" + tampered)), "invalid_signature");
  EXPECT_EQ(code_of(resolve("?token=" + token + "&panelType=QC_PANEL")), "wrong_audience");
  EXPECT_EQ(code_of(resolve("?token=" + token + "&jobId=17")), "wrong_audience");
  EXPECT_EQ(resolve("?token=" + token + "&panelType=NOPE")->status, 400);
  jobs_.active["jnid-a"] = false;
  EXPECT_EQ(code_of(resolve("?token=" + token)), "unknown_job");
  jobs_.active["jnid-a"] = true;
  clock_.advance(std::chrono::minutes(31));
  const auto expired = resolve("?token=" + token);
  EXPECT_EQ(expired->status, 401);
  EXPECT_EQ(code_of(expired), "expired");
  EXPECT_EQ(expired->body.find(token), std::string::npos);
}

TEST_F(EmbedRoutesTest, OnlyEmbedPagesMayBeFramedAndOnlyByAllowedOrigins) {
  gep::testing::HttpClient client("127.0.0.1", port_);
  const auto page = client.Get("/embed/qc?token=x");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->get_header_value("Content-Security-Policy"),
            "frame-ancestors https://app.jobnimbus.com https://*.example.com");
  EXPECT_FALSE(page->has_header("X-Frame-Options"));
  for (const char* path : {"/api/v1/embed/session/resolve", "/no-such-page", "/embedded"}) {
    const auto answer = client.Get(path);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->get_header_value("Content-Security-Policy"), "frame-ancestors 'none'")
        << path;
    EXPECT_EQ(answer->get_header_value("X-Frame-Options"), "DENY") << path;
  }
}

TEST(FrameAncestors, KeepsAHandlersOtherDirectives) {
  gep::net::Response response;
  response.set_header("Content-Security-Policy", "default-src 'self'");
  apply_frame_ancestors("/embed/risk", "https://app.jobnimbus.com", response);
  EXPECT_EQ(response.get_header_value("Content-Security-Policy"),
            "default-src 'self'; frame-ancestors https://app.jobnimbus.com");
  EXPECT_EQ(response.headers.count("Content-Security-Policy"), 1U);
  gep::net::Response permissive;
  permissive.set_header("Content-Security-Policy", "frame-ancestors *; img-src 'self'");
  apply_frame_ancestors("/api/v1/jobs", "https://app.jobnimbus.com", permissive);
  EXPECT_EQ(permissive.get_header_value("Content-Security-Policy"),
            "img-src 'self'; frame-ancestors 'none'");
}

}  // namespace
}  // namespace gep::http

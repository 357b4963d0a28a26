#include "http/webhook_routes.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/webhook_signature.h"

namespace gep::http {
namespace {

constexpr const char* kSecret = "webhook-test-secret-0123456789";
constexpr const char* kJob =
    R"({"jnid":"j1","type":"job","name":"Roof","status_name":"Lead","date_updated":1700000000})";

// Just enough of the store for the endpoint: events keyed by dedup_key.
class MemoryEvents final : public domain::WebhookEventRepository {
 public:
  std::map<std::string, domain::WebhookEvent> by_key;
  bool broken = false;

  Result<domain::RecordedWebhook> record(const domain::WebhookEvent& event) override {
    if (broken) return fail("database", "down");
    if (const auto found = by_key.find(event.dedup_key); found != by_key.end())
      return domain::RecordedWebhook{found->second.id, true};
    auto stored = event;
    stored.id = static_cast<int64_t>(by_key.size()) + 1;
    by_key[event.dedup_key] = stored;
    return domain::RecordedWebhook{stored.id, false};
  }
  Result<std::vector<domain::WebhookEvent>> pending(int64_t) override {
    return std::vector<domain::WebhookEvent>{};
  }
  Result<bool> claim(int64_t) override { return false; }
  Status finish(int64_t, domain::WebhookStatus, std::string_view) override { return {}; }
  Result<int64_t> requeue_interrupted() override { return int64_t{0}; }
  Result<std::optional<domain::WebhookEvent>> find(int64_t) override {
    return std::optional<domain::WebhookEvent>();
  }
};

class WebhookRoutesTest : public ::testing::Test {
 protected:
  WebhookEndpoint endpoint(std::string signing_key = "", std::string secret = kSecret) {
    return WebhookEndpoint({std::move(secret), std::move(signing_key)}, events_, clock_,
                           [this] { ++wakeups_; });
  }

  static gep::net::Request post(std::string body, std::string token = kSecret) {
    gep::net::Request request;
    request.method = "POST";
    request.path = kJobNimbusWebhookPath;
    request.body = std::move(body);
    if (!token.empty()) request.params.emplace("token", std::move(token));
    return request;
  }

  gep::net::Response send(const WebhookEndpoint& target, const gep::net::Request& request) {
    gep::net::Response response;
    target.handle(request, response);
    return response;
  }

  static nlohmann::json json_of(const gep::net::Response& response) {
    return nlohmann::json::parse(response.body);
  }

  MemoryEvents events_;
  ManualClock clock_{from_unix_seconds(1'700'000'100)};
  int wakeups_ = 0;
};

TEST_F(WebhookRoutesTest, StoresTheEventAnswers202AndWakesTheWorker) {
  const auto response = send(endpoint(), post(kJob));
  EXPECT_EQ(response.status, 202);
  const auto body = json_of(response);
  EXPECT_EQ(body["type"], "job");
  EXPECT_EQ(body["jnid"], "j1");
  EXPECT_EQ(body["duplicate"], false);
  ASSERT_EQ(events_.by_key.size(), 1U);
  const auto& event = events_.by_key.begin()->second;
  EXPECT_EQ(event.entity_type, "job");
  EXPECT_EQ(event.jnid, "j1");
  EXPECT_EQ(nlohmann::json::parse(event.payload_json)["status_name"], "Lead");
  EXPECT_EQ(wakeups_, 1);
}

TEST_F(WebhookRoutesTest, ARepeatedDeliveryIsADuplicateAndWakesNobody) {
  const auto target = endpoint();
  send(target, post(kJob));
  const auto again = send(target, post(std::string("[") + kJob + "]"));  // another wrapper
  EXPECT_EQ(again.status, 202);
  EXPECT_EQ(json_of(again)["duplicate"], true);
  EXPECT_EQ(events_.by_key.size(), 1U);
  EXPECT_EQ(wakeups_, 1);
}

TEST_F(WebhookRoutesTest, TheTokenMayComeAsAHeader) {
  auto request = post(kJob, "");
  request.headers.emplace("X-Webhook-Token", kSecret);
  EXPECT_EQ(send(endpoint(), request).status, 202);
}

TEST_F(WebhookRoutesTest, AMissingOrWrongTokenIs401AndStoresNothing) {
  const auto target = endpoint();
  const auto missing = send(target, post(kJob, ""));
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(json_of(missing)["error"]["code"], "unauthorized");
  const auto wrong = send(target, post(kJob, std::string(kSecret) + "x"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body.find(kSecret), std::string::npos);
  const auto prefix = send(target, post(kJob, std::string(kSecret).substr(0, 10)));
  EXPECT_EQ(prefix.status, 401);
  EXPECT_TRUE(events_.by_key.empty());
}

TEST_F(WebhookRoutesTest, WithoutAConfiguredSecretTheEndpointIsOff) {
  const auto response = send(endpoint("", ""), post(kJob, ""));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(json_of(response)["error"]["code"], "webhooks_not_configured");
}

TEST_F(WebhookRoutesTest, MalformedBodiesAre400InTheEnvelope) {
  const auto target = endpoint();
  for (const std::string& body : std::vector<std::string>{
           "", "{not json", "[]", "[{\"jnid\":\"a\"},{\"jnid\":\"b\"}]", "\"text\"",
           R"({"type":"job"})", R"({"jnid":42})", R"({"jnid":"../../etc"})"}) {
    const auto response = send(target, post(body));
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(json_of(response)["error"]["code"], "bad_request") << body;
  }
  EXPECT_TRUE(events_.by_key.empty());
}

TEST_F(WebhookRoutesTest, AStoreFailureIs500) {
  events_.broken = true;
  EXPECT_EQ(send(endpoint(), post(kJob)).status, 500);
  EXPECT_EQ(wakeups_, 0);
}

TEST_F(WebhookRoutesTest, WithASigningSecretTheSignatureIsRequiredAndDeduplicatesById) {
  const std::string key = "relay-signing-key";
  const auto target = endpoint(key);
  auto signed_request = [&](const std::string& id, int64_t timestamp, const std::string& body) {
    auto request = post(body);
    request.headers.emplace("webhook-id", id);
    request.headers.emplace("webhook-timestamp", std::to_string(timestamp));
    request.headers.emplace("webhook-signature", sign_webhook(key, id, timestamp, body));
    return request;
  };
  const int64_t now = to_unix_seconds(clock_.now());
  EXPECT_EQ(send(target, post(kJob)).status, 401);  // token alone is not enough
  EXPECT_EQ(send(target, signed_request("msg_1", now - 10, kJob)).status, 202);
  // Same webhook-id: a relay's retry, even with another body.
  const std::string changed =
      R"({"jnid":"j1","type":"job","status_name":"Sold","date_updated":1700000050})";
  const auto retry = send(target, signed_request("msg_1", now, changed));
  EXPECT_EQ(json_of(retry)["duplicate"], true);
  EXPECT_EQ(send(target, signed_request("msg_2", now - 301, changed)).status, 401);  // stale
  auto tampered = signed_request("msg_3", now, changed);
  tampered.body = kJob;
  EXPECT_EQ(send(target, tampered).status, 401);
  EXPECT_EQ(events_.by_key.size(), 1U);
}

}  // namespace
}  // namespace gep::http

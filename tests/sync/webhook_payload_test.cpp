#include "sync/webhook_payload.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace gep::sync {
namespace {

WebhookPayload parsed(const std::string& body) {
  auto payload = parse_webhook_payload(body);
  EXPECT_TRUE(payload.ok()) << body << ": " << (payload ? "" : payload.error().message);
  return payload ? std::move(payload).value() : WebhookPayload{};
}

constexpr const char* kJob =
    R"({"jnid":"3pg","type":"job","name":"Test job","status_name":"Lead","date_updated":1472567572,)"
    R"("primary":{"id":"he2d2","type":"contact"}})";

TEST(WebhookPayloadTest, ARawRecordADataWrapperAndAOneElementArrayAreTheSame) {
  for (const std::string& body :
       {std::string(kJob), R"({"data":)" + std::string(kJob) + "}", "[" + std::string(kJob) + "]",
        R"({"data":[)" + std::string(kJob) + "]}"}) {
    const auto payload = parsed(body);
    EXPECT_EQ(payload.entity, WebhookEntity::job) << body;
    EXPECT_EQ(payload.jnid, "3pg") << body;
    EXPECT_EQ(payload.date_updated, 1472567572) << body;
    EXPECT_EQ(webhook_dedup_key(payload, ""), webhook_dedup_key(parsed(kJob), "")) << body;
  }
}

TEST(WebhookPayloadTest, TheTypeMemberNamesTheEntity) {
  EXPECT_EQ(parsed(R"({"jnid":"c1","type":"contact"})").entity, WebhookEntity::contact);
  EXPECT_EQ(parsed(R"({"jnid":"f1","type":"attachment"})").entity, WebhookEntity::file);
  EXPECT_EQ(parsed(R"({"jnid":"a1","type":"activity"})").entity, WebhookEntity::activity);
  EXPECT_EQ(parsed(R"({"jnid":"t1","type":"Task"})").entity, WebhookEntity::task);
  EXPECT_EQ(parsed(R"({"jnid":"x1","type":"invoice"})").entity, WebhookEntity::unknown);
}

TEST(WebhookPayloadTest, WithoutTypeTheShapeDecides) {
  EXPECT_EQ(parsed(R"({"jnid":"f","filename":"a.jpg","md5":"x"})").entity, WebhookEntity::file);
  EXPECT_EQ(parsed(R"({"jnid":"f","record_type_name":"Photo"})").entity, WebhookEntity::file);
  EXPECT_EQ(parsed(R"({"jnid":"a","note":"hi","record_type_name":"Note"})").entity,
            WebhookEntity::activity);
  EXPECT_EQ(parsed(R"({"jnid":"a","record_type_name":"Status Changed"})").entity,
            WebhookEntity::activity);
  EXPECT_EQ(parsed(R"({"jnid":"t","title":"Site survey","date_start":1})").entity,
            WebhookEntity::task);
  EXPECT_EQ(parsed(R"({"jnid":"c","first_name":"Clark","status_name":"Lead"})").entity,
            WebhookEntity::contact);
  EXPECT_EQ(parsed(R"({"jnid":"j","status_name":"Lead","record_type_name":"Residential"})").entity,
            WebhookEntity::job);
  EXPECT_EQ(parsed(R"({"jnid":"u"})").entity, WebhookEntity::unknown);
}

TEST(WebhookPayloadTest, FilesActivitiesAndTasksNameTheirJobOrContact) {
  const auto file =
      parsed(R"({"jnid":"f1","type":"attachment","related":[{"id":"c9","type":"contact"},)"
             R"({"id":"scpci","type":"job"}],"primary":{"id":"scpci","type":"job"}})");
  EXPECT_EQ(file.parent_job_jnid, "scpci");
  EXPECT_EQ(file.parent_contact_jnid, "c9");
  const auto note =
      parsed(R"({"jnid":"a1","type":"activity","primary":{"id":"c2","type":"contact"}})");
  EXPECT_EQ(note.parent_job_jnid, "");
  EXPECT_EQ(note.parent_contact_jnid, "c2");
  const auto task =
      parsed(R"({"jnid":"t1","type":"task","related":["j5",{"id":"j6","type":"job"}]})");
  EXPECT_EQ(task.parent_job_jnid, "j6");  // an untyped id names no kind
}

TEST(WebhookPayloadTest, MalformedBodiesAndUnusableJnidsFail) {
  for (const std::string& body : std::vector<std::string>{
           "", "nul", "{", "42", "[]", R"([{"jnid":"a"},{"jnid":"b"}])", R"({"name":"x"})",
           R"({"jnid":""})", R"({"jnid":7})", R"({"jnid":"a/b"})", R"({"jnid":"a b"})",
           R"({"data":{"data":{"data":{"jnid":"a"}}}})",
           "{\"jnid\":\"" + std::string(65, 'a') + "\"}"}) {
    const auto payload = parse_webhook_payload(body);
    ASSERT_FALSE(payload.ok()) << body;
    EXPECT_EQ(payload.error().code, "validation") << body;
  }
}

TEST(WebhookPayloadTest, TheDedupKeyChangesWithTheRecordVersionAndPrefersTheWebhookId) {
  const auto first = parsed(kJob);
  const auto same_version_other_field =
      parsed(R"({"jnid":"3pg","type":"job","name":"Renamed","date_updated":1472567572})");
  const auto newer = parsed(R"({"jnid":"3pg","type":"job","date_updated":1472567999})");
  const auto contact = parsed(R"({"jnid":"3pg","type":"contact","date_updated":1472567572})");
  EXPECT_EQ(webhook_dedup_key(first, ""), webhook_dedup_key(same_version_other_field, ""));
  EXPECT_NE(webhook_dedup_key(first, ""), webhook_dedup_key(newer, ""));
  EXPECT_NE(webhook_dedup_key(first, ""), webhook_dedup_key(contact, ""));
  EXPECT_EQ(webhook_dedup_key(first, "msg_1"), webhook_dedup_key(newer, "msg_1"));
  EXPECT_NE(webhook_dedup_key(first, "msg_1"), webhook_dedup_key(first, "msg_2"));
  // Without date_updated the whole record is the version.
  const auto undated = parsed(R"({"jnid":"a","type":"job","status_name":"Lead"})");
  const auto undated_changed = parsed(R"({"jnid":"a","type":"job","status_name":"Sold"})");
  EXPECT_NE(webhook_dedup_key(undated, ""), webhook_dedup_key(undated_changed, ""));
}

TEST(WebhookPayloadTest, ALargeRecordIsStoredAsItsIdentifyingMembers) {
  nlohmann::json record = {{"jnid", "f1"},
                           {"filename", "a.jpg"},
                           {"date_updated", 1500},
                           {"description", std::string(40000, 'x')},
                           {"primary", {{"id", "job7"}, {"type", "job"}}}};
  const auto payload = parsed(record.dump());
  const std::string stored = stored_payload(payload);
  EXPECT_LT(stored.size(), 300U);
  const auto again = parsed(stored);
  EXPECT_EQ(again.entity, WebhookEntity::file);
  EXPECT_EQ(again.jnid, "f1");
  EXPECT_EQ(again.parent_job_jnid, "job7");
  EXPECT_EQ(webhook_dedup_key(again, ""), webhook_dedup_key(payload, ""));
  EXPECT_EQ(stored_payload(parsed(kJob)), parsed(kJob).record_json);
}

}  // namespace
}  // namespace gep::sync

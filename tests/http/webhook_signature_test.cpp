#include "core/webhook_signature.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/digest.h"

namespace gep {
namespace {

// The Standard Webhooks reference vector (cross-checked with Python hmac).
constexpr const char* kReferenceSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr const char* kReferenceId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr int64_t kReferenceTimestamp = 1614265330;
constexpr const char* kReferenceBody = R"({"test": 2432232314})";
constexpr const char* kReferenceSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

class WebhookSignatureTest : public ::testing::Test {
 protected:
  std::string key() const { return *decode_webhook_signing_secret(kReferenceSecret); }
  ManualClock clock_{from_unix_seconds(kReferenceTimestamp)};
};

TEST_F(WebhookSignatureTest, MatchesTheStandardWebhooksReferenceVector) {
  EXPECT_EQ(sign_webhook(key(), kReferenceId, kReferenceTimestamp, kReferenceBody),
            kReferenceSignature);
  const auto verified = verify_webhook_signature(
      key(), {kReferenceId, "1614265330", kReferenceSignature, kReferenceBody}, clock_.now());
  EXPECT_TRUE(verified.ok()) << verified.error().message;
}

TEST_F(WebhookSignatureTest, TheSecretPrefixIsOptionalButTheBase64IsNot) {
  EXPECT_EQ(*decode_webhook_signing_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), key());
  EXPECT_FALSE(decode_webhook_signing_secret("whsec_not base64!"));
  EXPECT_FALSE(decode_webhook_signing_secret("whsec_"));
  EXPECT_FALSE(decode_webhook_signing_secret("abc"));  // not a multiple of 4
}

TEST_F(WebhookSignatureTest, AcceptsAnyOfSeveralSignaturesDuringARotation) {
  const std::string header =
      std::string("v1,b3RoZXIga2V5IHNpZ25hdHVyZQ== v1a,xyz ") + kReferenceSignature;
  EXPECT_TRUE(verify_webhook_signature(key(), {kReferenceId, "1614265330", header, kReferenceBody},
                                       clock_.now()));
}

TEST_F(WebhookSignatureTest, RefusesATamperedBodyIdOrSignature) {
  EXPECT_FALSE(verify_webhook_signature(
      key(), {kReferenceId, "1614265330", kReferenceSignature, R"({"test": 1})"}, clock_.now()));
  EXPECT_FALSE(verify_webhook_signature(
      key(), {"msg_other", "1614265330", kReferenceSignature, kReferenceBody}, clock_.now()));
  EXPECT_FALSE(
      verify_webhook_signature(key(),
                               {kReferenceId, "1614265330",
                                "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", kReferenceBody},
                               clock_.now()));
  EXPECT_FALSE(verify_webhook_signature(
      "another key", {kReferenceId, "1614265330", kReferenceSignature, kReferenceBody},
      clock_.now()));
}

TEST_F(WebhookSignatureTest, TimestampsOutsideFiveMinutesAreRefusedEitherWay) {
  const SignedDelivery delivery{kReferenceId, "1614265330", kReferenceSignature, kReferenceBody};
  clock_.advance(std::chrono::seconds(300));
  EXPECT_TRUE(verify_webhook_signature(key(), delivery, clock_.now()));
  clock_.advance(std::chrono::seconds(1));
  const auto stale = verify_webhook_signature(key(), delivery, clock_.now());
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "unauthorized");
  EXPECT_NE(stale.error().message.find("tolerance"), std::string::npos);
  clock_.set(from_unix_seconds(kReferenceTimestamp - 301));  // from the future
  EXPECT_FALSE(verify_webhook_signature(key(), delivery, clock_.now()));
}

TEST_F(WebhookSignatureTest, MissingHeadersAndBadTimestampsAreRefused) {
  EXPECT_FALSE(
      verify_webhook_signature(key(), {"", "1614265330", kReferenceSignature, "{}"}, clock_.now()));
  EXPECT_FALSE(
      verify_webhook_signature(key(), {kReferenceId, "", kReferenceSignature, "{}"}, clock_.now()));
  EXPECT_FALSE(
      verify_webhook_signature(key(), {kReferenceId, "1614265330", "", "{}"}, clock_.now()));
  EXPECT_FALSE(verify_webhook_signature(key(), {kReferenceId, "16142x", kReferenceSignature, "{}"},
                                        clock_.now()));
  EXPECT_FALSE(verify_webhook_signature(
      key(), {kReferenceId, "-9223372036854775808", kReferenceSignature, "{}"}, clock_.now()));
}

TEST(DigestTest, Base64RoundTripsAndRejectsNonCanonicalText) {
  for (const std::string& bytes :
       std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    EXPECT_EQ(*base64_decode(base64_encode(bytes)), bytes);
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_FALSE(base64_decode("Zm9v YmFy"));
  EXPECT_FALSE(base64_decode("Zm9"));
  EXPECT_FALSE(base64_decode("Zm=v"));
}

TEST(DigestTest, Sha256AndHmacMatchKnownValues) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2.
  EXPECT_EQ(base64_encode(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
}

}  // namespace
}  // namespace gep

// Issue 6, item 3: every way a token must be refused, with tokens built by hand (hand_jwt.h), and
// gep's own tokens checked by the hand-built verifier.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "embed/embed_tokens.h"
#include "embed/hand_jwt.h"

namespace gep::embed {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kSecret = "embed-test-secret-0123456789abcdef-xyz";

class EmbedTokensTest : public ::testing::Test {
 protected:
  EmbedTokensTest() : tokens_(*codec_, clock_, settings()) {}

  static EmbedTokenSettings settings() {
    EmbedTokenSettings settings;
    settings.secret = kSecret;
    settings.ttl = minutes(30);
    settings.leeway = seconds(30);
    return settings;
  }

  int64_t now() const { return to_unix_seconds(clock_.now()); }

  // A payload exactly as gep issues it, valid now.
  nlohmann::json payload() const {
    return {{"sub", "job-42"}, {"panel", "QC_PANEL"}, {"iat", now()},         {"exp", now() + 1800},
            {"iss", "gep"},    {"aud", "gep-embed"},  {"jti", "hand-built-1"}};
  }

  TokenRejection rejection_of(const std::string& token) const {
    const auto verified = tokens_.verify(token);
    EXPECT_FALSE(verified.ok()) << "accepted: " << token;
    return verified.ok() ? TokenRejection::unavailable : verified.error().reason;
  }

  ManualClock clock_;
  std::unique_ptr<JwtCodec> codec_ = make_libjwt_codec();
  EmbedTokens tokens_;
};

TEST_F(EmbedTokensTest, GepTokensVerifyWithAnIndependentImplementation) {
  const auto issued = tokens_.issue("job-42", PanelType::risk);
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  const auto decoded = test::hand_verify_hs256(issued->token, kSecret);
  ASSERT_TRUE(decoded.has_value()) << "the hand-built verifier refused " << issued->token;
  EXPECT_EQ(decoded->header.value("alg", ""), "HS256");
  EXPECT_EQ(decoded->header.value("typ", ""), "JWT");
  const auto& claims = decoded->payload;
  EXPECT_EQ(claims.value("sub", ""), "job-42");
  EXPECT_EQ(claims.value("panel", ""), "RISK_VIEW");
  EXPECT_EQ(claims.value("iat", int64_t{0}), now());
  EXPECT_EQ(claims.value("exp", int64_t{0}), now() + 1800);
  EXPECT_EQ(claims.value("iss", ""), "gep");
  EXPECT_EQ(claims.value("aud", ""), "gep-embed");
  EXPECT_EQ(claims.value("jti", "").size(), 32U);
  EXPECT_FALSE(test::hand_verify_hs256(issued->token, "another-secret-0123456789abcdef-xyz"));
}

TEST_F(EmbedTokensTest, EveryTokenHasItsOwnId) {
  const auto first = tokens_.issue("job-42", PanelType::qc);
  const auto second = tokens_.issue("job-42", PanelType::qc);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first->claims.token_id, second->claims.token_id);
  EXPECT_NE(first->token, second->token);
}

TEST_F(EmbedTokensTest, AcceptsAHandBuiltToken) {
  const auto verified = tokens_.verify(test::hand_hs256(payload(), kSecret));
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->job_id, "job-42");
  EXPECT_EQ(verified->panel, PanelType::qc);
  EXPECT_EQ(verified->expires_at, now() + 1800);
}

TEST_F(EmbedTokensTest, ExpiredBeyondTheLeeway) {
  auto claims = payload();
  claims["exp"] = now() - 31;
  EXPECT_EQ(rejection_of(test::hand_hs256(claims, kSecret)), TokenRejection::expired);
  claims["exp"] = now() - 29;  // within the 30 s clock-skew leeway
  EXPECT_TRUE(tokens_.verify(test::hand_hs256(claims, kSecret)).ok());
}

TEST_F(EmbedTokensTest, IssuedTokensExpireAfterTheTtlPlusLeeway) {
  const auto issued = tokens_.issue("job-42", PanelType::qc);
  ASSERT_TRUE(issued.ok());
  clock_.advance(minutes(30) + seconds(30));
  EXPECT_TRUE(tokens_.verify(issued->token).ok());
  clock_.advance(seconds(1));
  EXPECT_EQ(rejection_of(issued->token), TokenRejection::expired);
}

TEST_F(EmbedTokensTest, TamperedPayloadFailsTheSignature) {
  const std::string token = test::hand_hs256(payload(), kSecret);
  auto forged = payload();
  forged["sub"] = "job-43";
  const std::string forged_payload = test::b64url(forged.dump());
  const size_t first = token.find('.');
  const size_t second = token.rfind('.');
  const std::string tampered = token.substr(0, first + 1) + forged_payload + token.substr(second);
  EXPECT_EQ(rejection_of(tampered), TokenRejection::invalid_signature);
  // One flipped signature character.
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(rejection_of(flipped), TokenRejection::invalid_signature);
}

TEST_F(EmbedTokensTest, AnotherSecretFailsTheSignature) {
  EXPECT_EQ(rejection_of(test::hand_hs256(payload(), "not-the-secret-0123456789abcdef-xyz")),
            TokenRejection::invalid_signature);
}

TEST_F(EmbedTokensTest, AlgNoneIsRefused) {
  EXPECT_EQ(rejection_of(test::hand_token({{"alg", "none"}, {"typ", "JWT"}}, payload(), kSecret)),
            TokenRejection::invalid_signature);
  EXPECT_EQ(rejection_of(test::hand_token({{"alg", "None"}}, payload(), kSecret)),
            TokenRejection::invalid_signature);
  // "none" with a valid-looking HS256 signature appended.
  const std::string signed_none = test::hand_token({{"alg", "none"}}, payload(), kSecret) +
                                  test::hand_hs256(payload(), kSecret)
                                      .substr(test::hand_hs256(payload(), kSecret).rfind('.') + 1);
  EXPECT_EQ(rejection_of(signed_none), TokenRejection::invalid_signature);
}

TEST_F(EmbedTokensTest, OtherAlgorithmsAreRefusedEvenWithTheRightSecret) {
  for (const char* alg : {"HS512", "HS384", "RS256", "ES256", "hs256"}) {
    EXPECT_EQ(rejection_of(test::hand_token({{"alg", alg}, {"typ", "JWT"}}, payload(), kSecret)),
              TokenRejection::invalid_signature)
        << alg;
  }
  EXPECT_EQ(rejection_of(test::hand_token({{"typ", "JWT"}}, payload(), kSecret)),
            TokenRejection::invalid_signature);
}

TEST_F(EmbedTokensTest, MalformedTokens) {
  const std::string valid = test::hand_hs256(payload(), kSecret);
  for (const std::string& token :
       {std::string(), std::string("abc"), std::string("a.b"), valid + ".extra",
        std::string("!!!.???.***"), test::b64url("not json") + "." + test::b64url("{}") + ".c2ln",
        test::b64url("{\"alg\":\"HS256\"}") + "." + test::b64url("[1,2]") + ".c2ln",
        std::string(5000, 'a') + "." + test::b64url("{}") + ".c2ln"}) {
    EXPECT_EQ(rejection_of(token), TokenRejection::malformed) << token.substr(0, 60);
  }
}

TEST_F(EmbedTokensTest, MissingOrMistypedClaimsAreMalformed) {
  for (const char* claim : {"sub", "panel", "iat", "exp"}) {
    auto claims = payload();
    claims.erase(claim);
    EXPECT_EQ(rejection_of(test::hand_hs256(claims, kSecret)), TokenRejection::malformed) << claim;
  }
  auto string_exp = payload();
  string_exp["exp"] = std::to_string(now() + 60);
  EXPECT_EQ(rejection_of(test::hand_hs256(string_exp, kSecret)), TokenRejection::malformed);
  auto unknown_panel = payload();
  unknown_panel["panel"] = "ADMIN_PANEL";
  EXPECT_EQ(rejection_of(test::hand_hs256(unknown_panel, kSecret)), TokenRejection::malformed);
  auto future = payload();
  future["iat"] = now() + 3600;
  EXPECT_EQ(rejection_of(test::hand_hs256(future, kSecret)), TokenRejection::malformed);
  EXPECT_EQ(rejection_of(test::hand_token({{"alg", "HS256"}, {"typ", "JWE"}}, payload(), kSecret)),
            TokenRejection::malformed);
}

TEST_F(EmbedTokensTest, WrongAudienceOrIssuer) {
  auto claims = payload();
  claims["aud"] = "someone-else";
  EXPECT_EQ(rejection_of(test::hand_hs256(claims, kSecret)), TokenRejection::wrong_audience);
  claims.erase("aud");
  EXPECT_EQ(rejection_of(test::hand_hs256(claims, kSecret)), TokenRejection::wrong_audience);
  claims = payload();
  claims["iss"] = "not-gep";
  EXPECT_EQ(rejection_of(test::hand_hs256(claims, kSecret)), TokenRejection::wrong_audience);
  claims = payload();
  claims["aud"] = nlohmann::json::array({"other", "gep-embed"});  // RFC 7519 allows a list
  EXPECT_TRUE(tokens_.verify(test::hand_hs256(claims, kSecret)).ok());
}

TEST(EmbedReasonCodes, AreStable) {
  EXPECT_EQ(to_string(TokenRejection::expired), "expired");
  EXPECT_EQ(to_string(TokenRejection::invalid_signature), "invalid_signature");
  EXPECT_EQ(to_string(TokenRejection::malformed), "malformed");
  EXPECT_EQ(to_string(TokenRejection::unknown_job), "unknown_job");
  EXPECT_EQ(to_string(TokenRejection::wrong_audience), "wrong_audience");
}

}  // namespace
}  // namespace gep::embed

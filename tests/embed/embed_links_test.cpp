// Issue 6, items 1 and 3: links name one job and one panel; resolving proves the token and that
// the job still exists; a token for one job or panel never opens another.
#include <gtest/gtest.h>

#include <map>

#include "core/clock.h"
#include "embed/embed_links.h"
#include "embed/hand_jwt.h"

namespace gep::embed {
namespace {

constexpr const char* kLinksSecret = "links-test-secret-0123456789abcdef-xyz";

// Jobs by key (our id and jnid both map to the same active flag), like the job store.
class FakeDirectory final : public EmbedJobDirectory {
 public:
  Result<bool> is_active_job(const std::string& job_key) override {
    if (broken) return fail("database", "database is down");
    const auto found = active.find(job_key);
    return found != active.end() && found->second;
  }
  std::map<std::string, bool> active;
  bool broken = false;
};

class EmbedLinksTest : public ::testing::Test {
 protected:
  EmbedLinksTest()
      : tokens_(*codec_, clock_, settings()), links_(tokens_, jobs_, "https://dash.example.com/") {
    jobs_.active = {{"17", true}, {"jnid-a", true}, {"jnid-b", true}, {"jnid-gone", false}};
  }

  static EmbedTokenSettings settings() {
    EmbedTokenSettings settings;
    settings.secret = kLinksSecret;
    settings.ttl = std::chrono::minutes(30);
    return settings;
  }

  std::string token_of(const EmbedLink& link) const {
    return link.url.substr(link.url.find("?token=") + 7);
  }

  TokenRejection rejection_of(std::string_view token, const EmbedExpectation& expected = {}) {
    const auto resolved = links_.resolve(token, expected);
    EXPECT_FALSE(resolved.ok());
    return resolved.ok() ? TokenRejection::unavailable : resolved.error().reason;
  }

  ManualClock clock_;
  std::unique_ptr<JwtCodec> codec_ = make_libjwt_codec();
  EmbedTokens tokens_;
  FakeDirectory jobs_;
  EmbedLinkService links_;
};

TEST_F(EmbedLinksTest, LinkUrlNamesThePanelRouteAndResolvesBack) {
  const struct {
    const char* type;
    const char* path;
  } panels[] = {{"QC_PANEL", "/embed/qc?token="},
                {"RISK_VIEW", "/embed/risk?token="},
                {"CUSTOMER_PORTAL_VIEW", "/embed/portal?token="}};
  for (const auto& panel : panels) {
    const auto link = links_.create_link("jnid-a", panel.type);
    ASSERT_TRUE(link.ok()) << link.error().message;
    EXPECT_EQ(link->url.rfind(std::string("https://dash.example.com") + panel.path, 0), 0U)
        << link->url;
    EXPECT_EQ(link->job_id, "jnid-a");
    EXPECT_EQ(to_string(link->panel), panel.type);
    EXPECT_EQ(link->expires_at, to_unix_seconds(clock_.now()) + 1800);
    const auto resolved = links_.resolve(token_of(*link));
    ASSERT_TRUE(resolved.ok()) << resolved.error().message;
    EXPECT_EQ(resolved->job_id, "jnid-a");
    EXPECT_EQ(to_string(resolved->panel), panel.type);
    EXPECT_EQ(resolved->expires_at, link->expires_at);
    EXPECT_TRUE(test::hand_verify_hs256(token_of(*link), kLinksSecret).has_value());
  }
}

TEST_F(EmbedLinksTest, OurNumericIdWorksToo) {
  const auto link = links_.create_link("17", "RISK_VIEW");
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->job_id, "17");
  EXPECT_TRUE(links_.resolve(token_of(*link)).ok());
}

TEST_F(EmbedLinksTest, RefusesUnknownPanelsAndJobs) {
  const auto bad_panel = links_.create_link("jnid-a", "qc_panel");
  ASSERT_FALSE(bad_panel.ok());
  EXPECT_EQ(bad_panel.error().code, "validation");
  const auto unknown = links_.create_link("no-such-job", "QC_PANEL");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "not_found");
  const auto deleted = links_.create_link("jnid-gone", "QC_PANEL");
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code, "not_found");
  const auto empty = links_.create_link("", "QC_PANEL");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "validation");
}

TEST_F(EmbedLinksTest, UnknownOrDeletedJobsAreRefused) {
  const int64_t now = to_unix_seconds(clock_.now());
  const nlohmann::json never_existed = {{"sub", "no-such-job"}, {"panel", "QC_PANEL"},
                                        {"iat", now},           {"exp", now + 600},
                                        {"iss", "gep"},         {"aud", "gep-embed"}};
  EXPECT_EQ(rejection_of(test::hand_hs256(never_existed, kLinksSecret)),
            TokenRejection::unknown_job);
  const auto link = links_.create_link("jnid-b", "QC_PANEL");
  ASSERT_TRUE(link.ok());
  jobs_.active["jnid-b"] = false;  // soft-deleted after the link was made
  EXPECT_EQ(rejection_of(token_of(*link)), TokenRejection::unknown_job);
}

TEST_F(EmbedLinksTest, ATokenForOneJobOrPanelOpensNoOther) {
  const auto link = links_.create_link("jnid-a", "QC_PANEL");
  ASSERT_TRUE(link.ok());
  const std::string token = token_of(*link);
  EXPECT_EQ(rejection_of(token, {std::string("jnid-b"), std::nullopt}),
            TokenRejection::wrong_audience);
  EXPECT_EQ(rejection_of(token, {std::nullopt, PanelType::risk}), TokenRejection::wrong_audience);
  EXPECT_EQ(rejection_of(token, {std::string("jnid-a"), PanelType::portal}),
            TokenRejection::wrong_audience);
  EXPECT_TRUE(links_.resolve(token, {std::string("jnid-a"), PanelType::qc}).ok());
}

TEST_F(EmbedLinksTest, ADatabaseFailureIsNotTheTokensFault) {
  const auto link = links_.create_link("jnid-a", "QC_PANEL");
  ASSERT_TRUE(link.ok());
  jobs_.broken = true;
  EXPECT_EQ(rejection_of(token_of(*link)), TokenRejection::unavailable);
  const auto refused = links_.create_link("jnid-a", "QC_PANEL");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "database");
}

TEST_F(EmbedLinksTest, ExpiredLinksAreRefused) {
  const auto link = links_.create_link("jnid-a", "QC_PANEL");
  ASSERT_TRUE(link.ok());
  clock_.advance(std::chrono::minutes(31));
  EXPECT_EQ(rejection_of(token_of(*link)), TokenRejection::expired);
}

}  // namespace
}  // namespace gep::embed

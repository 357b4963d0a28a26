#include <gtest/gtest.h>

#include <algorithm>

#include "core/config.h"
#include "core/secrets.h"

namespace gep {
namespace {

std::string load_error(const EnvMap& environment) {
  try {
    Config::load(environment);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

const ConfigEntry& entry(const std::vector<ConfigEntry>& entries, const std::string& name) {
  return *std::find_if(entries.begin(), entries.end(),
                       [&](const ConfigEntry& e) { return e.name == name; });
}

TEST(WebhookConfig, OffByDefaultAndNotRequiredInProduction) {
  const Config config = Config::load({});
  EXPECT_TRUE(config.jobnimbus_webhook_secret.empty());
  EXPECT_TRUE(config.jobnimbus_webhook_signing_secret.empty());
  const std::string production = load_error({{"GEP_ENV", "production"},
                                             {"JOBNIMBUS_API_KEY", "jn-production-key"},
                                             {"INTERNAL_API_KEY", "internal-production-key"},
                                             {"EMBED_SIGNING_SECRET", std::string(32, 'e')}});
  EXPECT_EQ(production.find("WEBHOOK"), std::string::npos) << production;
}

TEST(WebhookConfig, SecretsAreCheckedRedactedAndScrubbed) {
  const EnvMap environment{{"JOBNIMBUS_WEBHOOK_SECRET", "webhook-config-secret-123"},
                           {"JOBNIMBUS_WEBHOOK_SIGNING_SECRET", "whsec_c2lnbmluZy1rZXktYnl0ZXM="}};
  const Config config = Config::load(environment);
  EXPECT_EQ(config.jobnimbus_webhook_secret, "webhook-config-secret-123");
  const auto entries = describe(config, environment);
  EXPECT_EQ(entry(entries, "JOBNIMBUS_WEBHOOK_SECRET").value, "(set)");
  EXPECT_TRUE(entry(entries, "JOBNIMBUS_WEBHOOK_SIGNING_SECRET").secret);
  EXPECT_EQ(SecretRegistry::scrub("t=webhook-config-secret-123"), "t=[REDACTED]");
  EXPECT_NE(config_markdown_table().find("`JOBNIMBUS_WEBHOOK_SECRET`"), std::string::npos);
}

TEST(WebhookConfig, ShortOrMalformedSecretsStopStartUpWithoutEchoingThem) {
  const std::string short_secret = load_error({{"JOBNIMBUS_WEBHOOK_SECRET", "too-short-tok"}});
  EXPECT_NE(short_secret.find("JOBNIMBUS_WEBHOOK_SECRET"), std::string::npos);
  EXPECT_EQ(short_secret.find("too-short-tok"), std::string::npos);
  const std::string bad_signing =
      load_error({{"JOBNIMBUS_WEBHOOK_SIGNING_SECRET", "whsec_not base64 at all"}});
  EXPECT_NE(bad_signing.find("JOBNIMBUS_WEBHOOK_SIGNING_SECRET"), std::string::npos);
  EXPECT_EQ(bad_signing.find("not base64"), std::string::npos);
}

}  // namespace
}  // namespace gep

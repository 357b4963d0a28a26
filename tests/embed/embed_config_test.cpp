// The embed and staff-session variables of config.cpp: EMBED_ALLOWED_ORIGINS is validated as a
// list of origins, and the signing secret rules of item 4.
#include <gtest/gtest.h>

#include "core/config.h"

namespace gep {
namespace {

Config load(EnvMap environment) {
  environment.emplace("DATABASE_URL", "sqlite:/tmp/unused.db");
  return Config::load(environment);
}

TEST(EmbedConfig, AllowedOriginsDefaultToJobNimbus) {
  EXPECT_EQ(load({}).embed_allowed_origins, "https://app.jobnimbus.com");
}

TEST(EmbedConfig, AllowedOriginsAcceptSpacesCommasWildcardsAndPorts) {
  const Config config = load({{"EMBED_ALLOWED_ORIGINS",
                               "https://app.jobnimbus.com, https://*.example.com  "
                               "http://localhost:3002/ 'self'"}});
  EXPECT_EQ(config.embed_allowed_origins,
            "https://app.jobnimbus.com https://*.example.com http://localhost:3002 'self'");
}

TEST(EmbedConfig, AllowedOriginsRefuseAnythingElse) {
  for (const char* bad : {"*", "app.jobnimbus.com", "https://app.jobnimbus.com/path",
                          "javascript:alert(1)", "https://a.com;script-src *", "ftp://x.com",
                          "https://", "https://user@x.com", "'none'", " , "}) {
    EXPECT_THROW(load({{"EMBED_ALLOWED_ORIGINS", bad}}), ConfigError) << bad;
  }
}

TEST(EmbedConfig, SigningSecretRules) {
  EXPECT_THROW(load({{"EMBED_SIGNING_SECRET", "too-short"}}), ConfigError);
  const Config generated = load({});
  EXPECT_GE(generated.embed_signing_secret.size(), 32U);
  EXPECT_THROW(load({{"GEP_ENV", "production"},
                     {"JOBNIMBUS_API_KEY", "k"},
                     {"INTERNAL_API_KEY", "internal-key"}}),
               ConfigError);
}

TEST(AuthConfig, SessionLimitsAreValidated) {
  const Config config =
      load({{"AUTH_SESSION_IDLE_MINUTES", "45"}, {"AUTH_SESSION_ABSOLUTE_HOURS", "8"}});
  EXPECT_EQ(config.auth_session_idle_minutes, 45);
  EXPECT_EQ(config.auth_session_absolute_hours, 8);
  EXPECT_THROW(load({{"AUTH_SESSION_IDLE_MINUTES", "0"}}), ConfigError);
  EXPECT_THROW(load({{"AUTH_SESSION_ABSOLUTE_HOURS", "abc"}}), ConfigError);
}

}  // namespace
}  // namespace gep

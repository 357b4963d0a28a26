#include "core/config.h"

#include <gtest/gtest.h>

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

TEST(Config, DefaultsFollowTheSpec) {
  const Config config = Config::load({});
  EXPECT_EQ(config.port, 3000);
  EXPECT_EQ(config.database_kind, DatabaseKind::sqlite);
  EXPECT_EQ(config.sqlite_path, "./data/gep.db");
  EXPECT_EQ(config.jobnimbus_base_url, "https://app.jobnimbus.com/api1");
  EXPECT_EQ(config.jobnimbus_sync_cron, "*/15 * * * *");
  EXPECT_TRUE(config.jobnimbus_sync_enabled);
  EXPECT_EQ(config.risk_stuck_status_days_medium, 7);
  EXPECT_EQ(config.risk_stuck_status_days_high, 14);
  EXPECT_EQ(config.risk_stale_job_days_medium, 7);
  EXPECT_EQ(config.risk_stale_job_days_high, 14);
  EXPECT_EQ(config.embed_token_ttl_minutes, 30);
  EXPECT_EQ(config.internal_dashboard_base_url, "http://localhost:3000");
  EXPECT_EQ(config.sqlite_cache_mb, 16);
  EXPECT_FALSE(config.is_production());
}

TEST(Config, DevelopmentGeneratesMissingSecrets) {
  const Config config = Config::load({});
  EXPECT_GE(config.embed_signing_secret.size(), 32U);
  EXPECT_FALSE(config.internal_api_key.empty());
  EXPECT_EQ(config.generated_secrets.size(), 2U);
}

TEST(Config, ProductionRefusesMissingSecrets) {
  EXPECT_EQ(load_error({{"GEP_ENV", "production"}}),
            "JOBNIMBUS_API_KEY: is required in production");
  EXPECT_EQ(load_error({{"GEP_ENV", "production"}, {"JOBNIMBUS_API_KEY", "k-123456"}}),
            "INTERNAL_API_KEY: is required in production");
  EXPECT_EQ(load_error({{"GEP_ENV", "production"},
                        {"JOBNIMBUS_API_KEY", "k-123456"},
                        {"INTERNAL_API_KEY", "internal-production-key-1234"},
                        {"EMBED_SIGNING_SECRET", "too-short-secret"}}),
            "EMBED_SIGNING_SECRET: must be at least 32 bytes long");
  EXPECT_EQ(load_error({{"GEP_ENV", "production"},
                        {"JOBNIMBUS_API_KEY", "k-123456"},
                        {"INTERNAL_API_KEY", "internal-123"},
                        {"EMBED_SIGNING_SECRET", std::string(32, 'x')}}),
            "INTERNAL_API_KEY: must be at least 24 characters long in production");
  const Config config = Config::load({{"GEP_ENV", "production"},
                                      {"JOBNIMBUS_API_KEY", "k-123456"},
                                      {"INTERNAL_API_KEY", "internal-production-key-1234"},
                                      {"EMBED_SIGNING_SECRET", std::string(32, 'x')}});
  EXPECT_TRUE(config.generated_secrets.empty());
}

struct BadValue {
  const char* name;
  const char* value;
  const char* expected_error;
};

class ConfigRejects : public ::testing::TestWithParam<BadValue> {};

TEST_P(ConfigRejects, NamesTheVariableAndTheProblem) {
  const BadValue& bad = GetParam();
  EXPECT_EQ(load_error({{bad.name, bad.value}}), bad.expected_error);
}

INSTANTIATE_TEST_SUITE_P(
    Values, ConfigRejects,
    ::testing::Values(
        BadValue{"PORT", "abc", "PORT: expected an integer from 0 to 65535, got \"abc\""},
        BadValue{"PORT", "70000", "PORT: expected an integer from 0 to 65535, got \"70000\""},
        BadValue{"DATABASE_URL", "nonsense://x",
                 "DATABASE_URL: expected sqlite:PATH or postgres://..., got scheme \"nonsense\""},
        BadValue{"DATABASE_URL",
                 "sqlite:", "DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/gep.db"},
        BadValue{"JOBNIMBUS_SYNC_CRON", "61 * * * *",
                 "JOBNIMBUS_SYNC_CRON: minute field '61' is out of range (allowed 0-59)"},
        BadValue{"JOBNIMBUS_SYNC_CRON", "* * *",
                 "JOBNIMBUS_SYNC_CRON: expected 5 fields (minute hour day-of-month month "
                 "day-of-week), got 3"},
        BadValue{"GEP_ENV", "staging",
                 "GEP_ENV: expected one of development|production, got \"staging\""},
        BadValue{"JOBNIMBUS_SYNC_ENABLED", "maybe",
                 "JOBNIMBUS_SYNC_ENABLED: expected true or false, got \"maybe\""},
        BadValue{"JOBNIMBUS_BASE_URL", "http://api.example.com/api1",
                 "JOBNIMBUS_BASE_URL: must use https unless the host is loopback"},
        BadValue{"JOBNIMBUS_APP_BASE_URL", "ftp://x",
                 "JOBNIMBUS_APP_BASE_URL: expected an http or https URL, got scheme \"ftp\""},
        BadValue{"LOG_LEVEL", "loud",
                 "LOG_LEVEL: expected one of trace|debug|info|warn|error, got \"loud\""},
        BadValue{"JOBNIMBUS_MAX_RPS", "-1",
                 "JOBNIMBUS_MAX_RPS: expected a positive number, got \"-1\""},
        BadValue{"EMBED_TOKEN_TTL_MINUTES", "0",
                 "EMBED_TOKEN_TTL_MINUTES: expected an integer from 1 to 1440, got \"0\""},
        BadValue{"SQLITE_CACHE_MB", "0",
                 "SQLITE_CACHE_MB: expected an integer from 1 to 4096, got \"0\""},
        BadValue{"PORTAL_BRAND_COLOR", "red",
                 "PORTAL_BRAND_COLOR: expected a colour such as #0b5cad, got \"red\""},
        BadValue{"PORTAL_BRAND_COLOR", "#12345g",
                 "PORTAL_BRAND_COLOR: expected a colour such as #0b5cad, got \"#12345g\""}));

TEST(Config, ABrandColourIsNormalisedToSixLowerCaseDigits) {
  EXPECT_EQ(Config::load({}).portal_brand_color, "#14213d");
  EXPECT_EQ(Config::load({{"PORTAL_BRAND_COLOR", "#F0A"}}).portal_brand_color, "#ff00aa");
  EXPECT_EQ(Config::load({{"PORTAL_BRAND_COLOR", "#0B5CAD"}}).portal_brand_color, "#0b5cad");
}

TEST(Config, RiskThresholdsMustBeOrdered) {
  EXPECT_EQ(load_error({{"RISK_STUCK_STATUS_DAYS_MEDIUM", "20"}}),
            "RISK_STUCK_STATUS_DAYS_MEDIUM: must not exceed RISK_STUCK_STATUS_DAYS_HIGH");
}

TEST(Config, LoopbackJobNimbusMayUsePlainHttp) {
  const Config config = Config::load({{"JOBNIMBUS_BASE_URL", "http://127.0.0.1:8080/api1/"}});
  EXPECT_EQ(config.jobnimbus_base_url, "http://127.0.0.1:8080/api1");
}

TEST(Config, PostgresUrlIsAcceptedAndItsPasswordNeverDescribed) {
  const EnvMap environment = {{"DATABASE_URL", "postgres://gep:s3cretpw@db.internal:5432/gep"},
                              {"JOBNIMBUS_API_KEY", "jn-secret-key-value"}};
  const Config config = Config::load(environment);
  EXPECT_EQ(config.database_kind, DatabaseKind::postgres);
  for (const auto& entry : describe(config, environment)) {
    EXPECT_EQ(entry.value.find("s3cretpw"), std::string::npos) << entry.name;
    EXPECT_EQ(entry.value.find("jn-secret-key-value"), std::string::npos) << entry.name;
  }
  EXPECT_EQ(SecretRegistry::scrub("key jn-secret-key-value pw s3cretpw"),
            "key [REDACTED] pw [REDACTED]");
}

TEST(Config, ErrorsNeverEchoSecretValues) {
  const std::string error = load_error({{"EMBED_SIGNING_SECRET", "short-but-secret"}});
  EXPECT_EQ(error.find("short-but-secret"), std::string::npos);
}

TEST(Config, MarkdownTableListsEveryVariable) {
  const std::string table = config_markdown_table();
  for (const char* name :
       {"JOBNIMBUS_BASE_URL", "JOBNIMBUS_API_KEY", "JOBNIMBUS_SYNC_CRON", "JOBNIMBUS_SYNC_ENABLED",
        "JOBNIMBUS_APP_BASE_URL", "RISK_STALE_JOB_DAYS_HIGH", "EMBED_SIGNING_SECRET",
        "EMBED_TOKEN_TTL_MINUTES", "INTERNAL_DASHBOARD_BASE_URL", "INTERNAL_API_KEY",
        "DATABASE_URL", "PORT", "GEP_ENV", "LOG_LEVEL", "LOG_FORMAT"}) {
    EXPECT_NE(table.find(std::string("`") + name + "`"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace gep

// Reading the risk configuration from core Config and the environment.
#include "risk/risk_config.h"

#include <gtest/gtest.h>

#include "risk/engine.h"

namespace gep::risk {
namespace {

Config core_config() {
  Config config;
  config.risk_stuck_status_days_medium = 5;
  config.risk_stuck_status_days_high = 10;
  config.risk_stale_job_days_medium = 3;
  config.risk_stale_job_days_high = 21;
  config.jobnimbus_app_base_url = "https://app.jobnimbus.com";
  return config;
}

TEST(RiskConfig, TakesThresholdsFromCoreConfigAndTheRestFromTheEnvironment) {
  const auto parsed = risk_config_from(
      core_config(), {{"RISK_TIMEZONE", "America/Denver"},
                      {"JOB_STAGE_STATUSES", "install:Installing Panels"},
                      {"RISK_REQUIRED_DOCUMENTS", "permit:scheduled:install:permit"},
                      {"RISK_DOCUMENT_EXCLUDE_WORDS", "draft, copy"}});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->stuck_in_status.medium_days, 5);
  EXPECT_EQ(parsed->stuck_in_status.high_days, 10);
  EXPECT_EQ(parsed->stale_job.medium_days, 3);
  EXPECT_EQ(parsed->stale_job.high_days, 21);
  EXPECT_EQ(parsed->time_zone, "America/Denver");
  EXPECT_EQ(parsed->stages.stage_of("installing panels"), qc::JobStage::install);
  ASSERT_EQ(parsed->documents.requirements.size(), 1U);
  EXPECT_EQ(parsed->documents.exclude_words, (std::vector<std::string>{"draft", "copy"}));
  EXPECT_TRUE(RiskEngine::create(*parsed).ok());
}

TEST(RiskConfig, DefaultsWhenUnset) {
  const auto parsed = risk_config_from(Config{}, {});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->time_zone, "UTC");
  EXPECT_EQ(parsed->stuck_in_status.medium_days, 7);
  EXPECT_EQ(parsed->stale_job.high_days, 14);
  EXPECT_EQ(parsed->documents.requirements.size(), 3U);
  EXPECT_EQ(parsed->app_base_url, "https://app.jobnimbus.com");
}

TEST(RiskConfig, Errors) {
  EXPECT_FALSE(risk_config_from(Config{}, {{"RISK_REQUIRED_DOCUMENTS", "x"}}).ok());
  EXPECT_FALSE(risk_config_from(Config{}, {{"JOB_STAGE_STATUSES", "nowhere:X"}}).ok());
  Config inverted;
  inverted.risk_stale_job_days_medium = 20;
  inverted.risk_stale_job_days_high = 10;
  const auto parsed = risk_config_from(inverted, {});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "STALE_JOB: MEDIUM days must not exceed HIGH days");
}

TEST(RiskEngineCreate, RejectsUnknownZonesAndBadThresholds) {
  RiskConfig config;
  config.time_zone = "Not/AZone";
  EXPECT_EQ(RiskEngine::create(config).error().code, "validation");
  config = {};
  config.stuck_in_status = {0, 14};
  EXPECT_FALSE(RiskEngine::create(config).ok());
}

}  // namespace
}  // namespace gep::risk

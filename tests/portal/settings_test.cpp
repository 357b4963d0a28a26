// Portal settings from the configuration: shared photo categories, document rules, lifetimes.
#include <gtest/gtest.h>

#include "portal/settings.h"

namespace gep::portal {
namespace {

TEST(PortalSettings, ParsesSharedPhotoCategories) {
  const auto parsed = parse_shared_photo_categories(" after, Before ,AFTER");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(*parsed,
            (std::vector<qc::PhotoCategory>{qc::PhotoCategory::after, qc::PhotoCategory::before}));
  EXPECT_TRUE(parse_shared_photo_categories("none")->empty());
  EXPECT_FALSE(parse_shared_photo_categories("AFTER,UNCATEGORIZED"));
  EXPECT_FALSE(parse_shared_photo_categories("AFTER,SIDEWAYS"));
}

TEST(PortalSettings, FromConfigurationWithDefaults) {
  Config config = Config::load({{"PORTAL_COMPANY_NAME", "Sunny Solar"}});
  const auto settings = view_settings_from_config(config);
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(settings->shared_photo_categories,
            (std::vector<qc::PhotoCategory>{qc::PhotoCategory::after, qc::PhotoCategory::during}));
  EXPECT_EQ(settings->company.name, "Sunny Solar");
  EXPECT_EQ(settings->documents.requirements.size(), 3U);
  const AccessSettings access = access_settings_from_config(config);
  EXPECT_EQ(access.link_ttl_seconds, 3600);
  EXPECT_EQ(access.session_idle_seconds, 7200);
  EXPECT_EQ(access.session_absolute_seconds, 168 * 3600);
  EXPECT_EQ(config.portal_base_url, "http://localhost:3000");
}

TEST(PortalSettings, RiskDocumentKindsAndStageNamesCarryOver) {
  Config config = Config::load({{"RISK_REQUIRED_DOCUMENTS", "hoa_approval:sold::hoa"},
                                {"JOB_STAGE_STATUSES", "install:Crew On Site"},
                                {"PORTAL_SHARED_PHOTO_CATEGORIES", "none"}});
  const auto settings = view_settings_from_config(config);
  ASSERT_TRUE(settings) << settings.error().message;
  ASSERT_EQ(settings->documents.requirements.size(), 1U);
  EXPECT_EQ(settings->documents.requirements[0].kind, "hoa_approval");
  EXPECT_EQ(settings->stages.stage_of("crew on site"), qc::JobStage::install);
  EXPECT_TRUE(settings->shared_photo_categories.empty());
  config.risk_required_documents = "none";  // turns the risk rule off, not the portal's
  EXPECT_EQ(view_settings_from_config(config)->documents.requirements.size(), 3U);
  config.portal_shared_photo_categories = "UNCATEGORIZED";
  EXPECT_FALSE(view_settings_from_config(config));
}

TEST(PortalSettings, SmtpNeedsASenderAndKeepsItsPasswordSecret) {
  EXPECT_THROW(Config::load({{"SMTP_URL", "smtp://127.0.0.1:2525"}}), ConfigError);
  EXPECT_THROW(Config::load({{"SMTP_URL", "http://mail.example"}, {"SMTP_FROM", "a@b.c"}}),
               ConfigError);
  EXPECT_THROW(Config::load({{"SMTP_FROM", "not an address"}}), ConfigError);
  const Config config = Config::load({{"SMTP_URL", "smtps://mailer:hunter2-pw@mail.example:465"},
                                      {"PORTAL_COMPANY_EMAIL", "help@sunny.example"}});
  EXPECT_EQ(config.smtp_from, "help@sunny.example");
  for (const auto& entry : describe(config, {{"SMTP_URL", config.smtp_url}})) {
    EXPECT_EQ(entry.value.find("hunter2-pw"), std::string::npos) << entry.name;
  }
  try {
    Config::load({{"SMTP_URL", "smtpx://u:hunter2-pw@mail.example"}, {"SMTP_FROM", "a@b.c"}});
    FAIL() << "accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()).find("hunter2-pw"), std::string::npos);
  }
}

}  // namespace
}  // namespace gep::portal

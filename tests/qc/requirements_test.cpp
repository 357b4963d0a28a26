// Requirement parsing: the env-style values a deployment sets, and the errors it gets when wrong.
#include "qc/requirements.h"

#include <gtest/gtest.h>

namespace gep::qc {
namespace {

TEST(QcRequirements, DefaultsAreThreeTwoThreeFromSoldInstallCompleted) {
  const QcRequirements requirements;
  EXPECT_EQ(requirements.defaults, (CategoryMinimums{3, 2, 3}));
  EXPECT_EQ(requirements.stage_requiring(PhotoCategory::before), JobStage::sold);
  EXPECT_EQ(requirements.stage_requiring(PhotoCategory::during), JobStage::install);
  EXPECT_EQ(requirements.stage_requiring(PhotoCategory::after), JobStage::complete);
  const auto parsed = parse_qc_requirements({});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->defaults, (CategoryMinimums{3, 2, 3}));
  EXPECT_TRUE(parsed->by_type.empty());
}

TEST(QcRequirements, GlobalValuesAndPerTypeOverrides) {
  const auto parsed = parse_qc_requirements(
      {{"QC_REQUIRED_BEFORE", "4"},
       {"QC_REQUIRED_DURING", " 0 "},
       {"QC_REQUIRED_AFTER", ""},  // empty keeps the default
       {"QC_REQUIREMENTS_BY_TYPE", "Commercial:BEFORE=5,DURING=4,AFTER=5; roofing : after=6 ;"}});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->defaults, (CategoryMinimums{4, 0, 3}));
  EXPECT_EQ(parsed->for_type("Commercial"), (CategoryMinimums{5, 4, 5}));
  EXPECT_EQ(parsed->for_type("ROOFING"), (CategoryMinimums{4, 0, 6}));  // others inherit globals
  EXPECT_EQ(parsed->for_type("Residential"), (CategoryMinimums{4, 0, 3}));
}

struct BadInput {
  const char* variable;
  const char* value;
  const char* message_part;
};

TEST(QcRequirements, BadInputIsAClearError) {
  const BadInput cases[] = {
      {"QC_REQUIRED_BEFORE", "three", "QC_REQUIRED_BEFORE: expected a whole number"},
      {"QC_REQUIRED_AFTER", "-1", "QC_REQUIRED_AFTER: expected a whole number from 0 to 1000"},
      {"QC_REQUIRED_DURING", "2.5", "got '2.5'"},
      {"QC_REQUIRED_DURING", "1001", "from 0 to 1000"},
      {"QC_REQUIREMENTS_BY_TYPE", "Commercial", "expected 'Type:BEFORE=n,DURING=n,...'"},
      {"QC_REQUIREMENTS_BY_TYPE", ":BEFORE=1", "expected 'Type:"},
      {"QC_REQUIREMENTS_BY_TYPE", "Commercial:SIDEWAYS=2", "unknown category 'SIDEWAYS'"},
      {"QC_REQUIREMENTS_BY_TYPE", "Commercial:UNCATEGORIZED=2", "unknown category"},
      {"QC_REQUIREMENTS_BY_TYPE", "Commercial:BEFORE", "expected CATEGORY=COUNT"},
      {"QC_REQUIREMENTS_BY_TYPE", "Commercial:BEFORE=x", "'Commercial' BEFORE: expected"},
      {"QC_REQUIREMENTS_BY_TYPE", "Commercial:", "no CATEGORY=COUNT given"},
      {"QC_REQUIREMENTS_BY_TYPE", "A:BEFORE=1;a:AFTER=2", "type 'a' is listed twice"},
  };
  for (const BadInput& c : cases) {
    const auto parsed = parse_qc_requirements({{c.variable, c.value}});
    ASSERT_FALSE(parsed.ok()) << c.variable << "=" << c.value;
    EXPECT_EQ(parsed.error().code, "validation");
    EXPECT_NE(parsed.error().message.find(c.message_part), std::string::npos)
        << c.variable << "=" << c.value << " → " << parsed.error().message;
  }
}

TEST(StageMapParsing, OverridesAddToTheDefaults) {
  const auto parsed = parse_stage_map("sold: Deposit Paid | Contract Signed ;install:Installing");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->stage_of("deposit paid"), JobStage::sold);
  EXPECT_EQ(parsed->stage_of("In Progress"), JobStage::install);  // default kept
  EXPECT_EQ(parsed->stage_of("Lost"), JobStage::unknown);
  const auto removed = parse_stage_map("unknown:Engineering");
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->stage_of("Engineering"), JobStage::unknown);
}

TEST(StageMapParsing, RejectsUnknownStagesAndEmptyLists) {
  EXPECT_NE(parse_stage_map("shipping:Sent").error().message.find("unknown stage 'shipping'"),
            std::string::npos);
  EXPECT_NE(parse_stage_map("sold:").error().message.find("no status names"), std::string::npos);
  EXPECT_NE(parse_stage_map("Sold").error().message.find("expected 'stage:Status|Status'"),
            std::string::npos);
}

TEST(StageMap, DefaultsCoverTheUsualWorkflow) {
  const StageMap stages = StageMap::defaults();
  EXPECT_EQ(stages.stage_of("Lead"), JobStage::lead);
  EXPECT_EQ(stages.stage_of("appointment scheduled"), JobStage::lead);
  EXPECT_EQ(stages.stage_of("Estimate Sent"), JobStage::lead);
  EXPECT_EQ(stages.stage_of("Sold"), JobStage::sold);
  EXPECT_EQ(stages.stage_of("Permitting"), JobStage::permitting);
  EXPECT_EQ(stages.stage_of("Scheduled"), JobStage::scheduled);
  EXPECT_EQ(stages.stage_of(" In Progress "), JobStage::install);
  EXPECT_EQ(stages.stage_of("Completed"), JobStage::complete);
  EXPECT_EQ(stages.stage_of("Invoiced"), JobStage::complete);
  EXPECT_EQ(stages.stage_of("Paid & Closed"), JobStage::complete);
  EXPECT_EQ(stages.stage_of("Lost"), JobStage::unknown);
  EXPECT_EQ(parse_stage("In Progress"), JobStage::install);
  EXPECT_EQ(parse_stage("install"), JobStage::install);
}

}  // namespace
}  // namespace gep::qc

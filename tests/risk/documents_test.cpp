// MISSING_DOCUMENTS: recognition from document files and severity per stage.
#include "risk/documents.h"

#include <gtest/gtest.h>

#include "risk_test_support.h"

namespace gep::risk {
namespace {

using namespace testing;

constexpr uint32_t kContract = 1U << 0;
constexpr uint32_t kPermit = 1U << 1;
constexpr uint32_t kInterconnection = 1U << 2;

struct StageCase {
  const char* status;
  uint32_t missing;
  uint32_t overdue;
};

TEST(MissingDocuments, MediumAtTheStageThatNeedsItHighOncePast) {
  const StageCase cases[] = {
      {"Lead", 0, 0},
      {"Sold", kContract, 0},
      {"Permitting", kContract, kContract},
      {"Scheduled", kContract | kPermit, kContract},
      {"In Progress", kContract | kPermit | kInterconnection, kContract | kPermit},
      {"Completed", kContract | kPermit | kInterconnection, kContract | kPermit | kInterconnection},
      {"On Hold", 0, 0},  // unmapped status: no stage, no requirement
  };
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  for (const StageCase& c : cases) {
    const RiskFindings findings = engine.assess(quiet_job(c.status), now);
    EXPECT_EQ(findings.documents_missing, c.missing) << c.status;
    EXPECT_EQ(findings.documents_overdue, c.overdue) << c.status;
  }
}

TEST(MissingDocuments, ARoofHasNoUtilityInterconnection) {
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  RiskJobInput roof = quiet_job("Completed");
  roof.job_type_name = "Roofing - Retail";
  EXPECT_EQ(engine.assess(roof, now).documents_missing, kContract | kPermit);
  RiskJobInput solar = quiet_job("Completed");
  solar.job_type_name = "COMMERCIAL SOLAR";  // a word of the name, any case
  EXPECT_EQ(engine.assess(solar, now).documents_missing, kContract | kPermit | kInterconnection);
  RiskJobInput solarish = quiet_job("Completed");
  solarish.job_type_name = "Solarium builds";  // a whole word, not a prefix
  EXPECT_EQ(engine.assess(solarish, now).documents_missing, kContract | kPermit);
}

TEST(MissingDocuments, SeverityInTheSnapshot) {
  const RiskEngine engine = make_engine();
  const JobRiskSnapshot sold = engine.evaluate(quiet_job("Sold"), from_unix_seconds(kNow));
  ASSERT_EQ(sold.reasons.size(), 1U);
  EXPECT_EQ(sold.reasons[0].code, RiskCode::missing_documents);
  EXPECT_EQ(sold.reasons[0].severity, RiskLevel::medium);
  EXPECT_EQ(sold.reasons[0].message,
            "No signed contract on file (required from Sold, before Permitting)");
  EXPECT_EQ(sold.risk_level, RiskLevel::medium);

  const JobRiskSnapshot installing =
      engine.evaluate(quiet_job("In Progress"), from_unix_seconds(kNow));
  ASSERT_EQ(installing.reasons.size(), 3U);
  EXPECT_EQ(installing.reasons[0].severity, RiskLevel::high);
  EXPECT_EQ(installing.reasons[0].message,
            "No signed contract on file and the job is already at 'In Progress' (required before "
            "Permitting)");
  EXPECT_EQ(installing.reasons[1].message,
            "No permit on file and the job is already at 'In Progress' (required before In "
            "Progress)");
  EXPECT_EQ(installing.reasons[2].severity, RiskLevel::medium);
  EXPECT_EQ(installing.reasons[2].message,
            "No utility interconnection approval on file (required from In Progress, before "
            "Completed)");
  EXPECT_EQ(installing.risk_level, RiskLevel::high);
}

TEST(MissingDocuments, RecognisesTheDocumentsCrewsAndOfficesUpload) {
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  RiskJobInput job = quiet_job("Completed");
  job.files = {document("Kent - Signed Agreement.pdf"),
               document("scan_0012.pdf", "City of Provo building permit"),
               document("PTO_letter.pdf", "", "Email Attachment", 3)};
  EXPECT_EQ(engine.assess(job, now).documents_missing, 0U);
}

struct FileCase {
  RiskFile file;
  uint32_t satisfies;
};

TEST(DocumentMatcher, KeywordsExclusionsAndFileTypes) {
  const DocumentMatcher matcher(default_document_rules());
  const uint32_t all = kContract | kPermit | kInterconnection;
  const FileCase cases[] = {
      {document("contract.pdf"), kContract},
      {document("CONTRACT_SIGNED.PDF"), kContract},
      {document("DocuSign_Envelope_123.pdf"), kContract},
      {document("agreement.pdf", "Signed agreement"), kContract},
      {document("Subcontractor license.pdf"), 0},  // "subcontractor" is not "contract"
      {document("Contract - DRAFT.pdf"), 0},       // exclusion word
      {document("unsigned contract.pdf"), 0},
      {document("Permit.pdf"), kPermit},
      {document("electrical-permit-approved.pdf"), kPermit},
      {document("Permit application.pdf"), 0},             // applying is not having
      {document("scan.pdf", "", "Permits", 12), kPermit},  // custom file type name
      {document("Interconnection Agreement.pdf"), kInterconnection},
      {document("PTO.pdf"), kInterconnection},
      {document("utility approval letter.pdf"), kInterconnection},
      {document("Interconnection request submitted.pdf"), 0},
      {document("permit.jpg", "permit card", "Photo", 2), 0},  // photos are not documents
      {document("permit.jpg", "", "photo", 0), 0},
      {document("invoice.pdf", "", "Invoice", 5), 0},
      {document("photo.png"), 0},
      {document("contract and permit.pdf"), kContract | kPermit},
  };
  for (const FileCase& c : cases) {
    const RiskFile files[] = {c.file};
    EXPECT_EQ(matcher.satisfied(files, all), c.satisfies)
        << c.file.filename << " / " << c.file.description << " / " << c.file.record_type_name;
  }
}

TEST(DocumentMatcher, OnlyWantedKindsAreReported) {
  const DocumentMatcher matcher(default_document_rules());
  const RiskFile files[] = {document("contract.pdf"), document("permit.pdf")};
  EXPECT_EQ(matcher.satisfied(files, kPermit), kPermit);
  EXPECT_EQ(matcher.satisfied({}, kPermit), 0U);
}

TEST(DocumentRequirementsParsing, CustomKinds) {
  const auto parsed = parse_document_requirements(
      "signed_contract:sold:permitting:contract|signed agreement; hoa_approval:Sold::HOA|"
      "architectural review");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2U);
  const DocumentRequirement& hoa = (*parsed)[1];
  EXPECT_EQ(hoa.kind, "hoa_approval");
  EXPECT_EQ(hoa.label, "hoa approval");
  EXPECT_EQ(hoa.required_from, qc::JobStage::sold);
  EXPECT_EQ(hoa.high_from, qc::JobStage::unknown);
  EXPECT_EQ(hoa.keywords, (std::vector<std::string>{"HOA", "architectural review"}));
  EXPECT_EQ(hoa.action, "Upload the hoa approval in JobNimbus");

  RiskConfig config;
  config.documents.requirements = *parsed;
  const RiskEngine engine = make_engine(config);
  const RiskFindings findings =
      engine.assess(quiet_job("Completed"), engine.at(from_unix_seconds(kNow)));
  EXPECT_EQ(findings.documents_missing, 0b11U);
  EXPECT_EQ(findings.documents_overdue, 0b01U);  // no high_from: the HOA approval stays MEDIUM
}

TEST(DocumentRequirementsParsing, NoneDisablesTheRule) {
  const auto parsed = parse_document_requirements("none");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->empty());
}

TEST(DocumentRequirementsParsing, BadSpecsAreClearErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"contract", "expected 'kind:required_from:high_from:keyword|...'"},
      {"contract:sold:permitting:", "expected 'kind:required_from"},
      {"contract:shipped::contract", "required_from stage 'shipped'"},
      {"contract:sold:later:contract", "high_from stage 'later'"},
      {"permit:install:sold:permit", "high_from must not be earlier than required_from"},
      {"permit:sold::--", "no usable keyword"},
      {"a:sold::x;A:sold::y", "kind 'A' is listed twice"},
  };
  for (const auto& [spec, message] : cases) {
    const auto parsed = parse_document_requirements(spec);
    ASSERT_FALSE(parsed.ok()) << spec;
    EXPECT_EQ(parsed.error().code, "validation");
    EXPECT_NE(parsed.error().message.find(message), std::string::npos)
        << spec << " → " << parsed.error().message;
  }
}

TEST(DocumentRequirementsParsing, AtMostThirtyTwoKinds) {
  std::string spec;
  for (int i = 0; i < 33; ++i) spec += "kind" + std::to_string(i) + ":sold::word;";
  EXPECT_FALSE(parse_document_requirements(spec).ok());
}

}  // namespace
}  // namespace gep::risk

// The JobRiskSnapshotDTO: fields, messages, actions, order, deep link and JSON.
#include <gtest/gtest.h>

#include "risk/risk_json.h"
#include "risk_test_support.h"

namespace gep::risk {
namespace {

using namespace testing;

RiskJobInput troubled_job() {
  RiskJobInput job = quiet_job("Permitting");
  job.date_status_change = kNow - 16 * kDay;
  job.date_updated = kNow - 9 * kDay;
  job.latest_qc =
      LatestQc{qc::QcStatus::fail,
               {{qc::PhotoCategory::during, 2, 1, 1}, {qc::PhotoCategory::after, 3, 1, 2}}};
  job.files = {document("Signed contract.pdf")};
  return job;
}

TEST(RiskSnapshot, CarriesTheJobAndOrdersReasonsHighFirst) {
  const RiskEngine engine = make_engine();
  const JobRiskSnapshot snapshot = engine.evaluate(troubled_job(), from_unix_seconds(kNow));
  EXPECT_EQ(snapshot.job_id, "job-1");
  EXPECT_EQ(snapshot.jobnimbus_id, "3pg");
  EXPECT_EQ(snapshot.job_number, "1001");
  EXPECT_EQ(snapshot.job_name, "Kent solar");
  EXPECT_EQ(snapshot.customer_name, "Clark Kent");
  EXPECT_EQ(snapshot.status, "Permitting");
  EXPECT_EQ(snapshot.risk_level, RiskLevel::high);
  EXPECT_EQ(snapshot.jobnimbus_url, "https://app.jobnimbus.com/job/3pg");
  EXPECT_EQ(snapshot.evaluated_at, from_unix_seconds(kNow));

  ASSERT_EQ(snapshot.reasons.size(), 3U);
  EXPECT_EQ(snapshot.reasons[0].code, RiskCode::stuck_in_status);
  EXPECT_EQ(snapshot.reasons[0].severity, RiskLevel::high);
  EXPECT_EQ(snapshot.reasons[0].message, "In 'Permitting' for 16 days (HIGH at 14)");
  EXPECT_EQ(snapshot.reasons[0].action, "Call the permit office");
  EXPECT_EQ(snapshot.reasons[0].details.days, 16);
  EXPECT_EQ(snapshot.reasons[1].code, RiskCode::missing_qc_photos);
  EXPECT_EQ(snapshot.reasons[1].message, "QC FAIL: missing 2 AFTER photos, 1 DURING photo");
  EXPECT_EQ(snapshot.reasons[1].action, "Ask the crew to upload 2 AFTER photos and 1 DURING photo");
  EXPECT_EQ(snapshot.reasons[2].code, RiskCode::stale_job);
  EXPECT_EQ(snapshot.reasons[2].severity, RiskLevel::medium);
  EXPECT_EQ(snapshot.reasons[2].message,
            "No update in JobNimbus for 9 days (MEDIUM at 7, HIGH at 14)");
  EXPECT_EQ(snapshot.recommended_actions,
            (std::vector<std::string>{"Call the permit office",
                                      "Ask the crew to upload 2 AFTER photos and 1 DURING photo",
                                      "Call the customer and log the update in JobNimbus"}));
}

TEST(RiskSnapshot, LowWhenNothingIsWrong) {
  const RiskEngine engine = make_engine();
  const JobRiskSnapshot snapshot = engine.evaluate(quiet_job(), from_unix_seconds(kNow));
  EXPECT_EQ(snapshot.risk_level, RiskLevel::low);
  EXPECT_TRUE(snapshot.reasons.empty());
  EXPECT_TRUE(snapshot.recommended_actions.empty());
}

TEST(RiskSnapshot, EveryHighSnapshotHasAHighReason) {
  const RiskEngine engine = make_engine();
  for (const char* status :
       {"Lead", "Sold", "Permitting", "Scheduled", "In Progress", "Completed"}) {
    for (int64_t age : {0L, 7L, 14L}) {
      RiskJobInput job = quiet_job(status);
      job.date_status_change = kNow - age * kDay;
      const JobRiskSnapshot snapshot = engine.evaluate(job, from_unix_seconds(kNow));
      RiskLevel highest = RiskLevel::low;
      for (const RiskReason& reason : snapshot.reasons)
        highest = std::max(highest, reason.severity);
      EXPECT_EQ(snapshot.risk_level, highest) << status << " " << age;
      EXPECT_EQ(snapshot.reasons.empty(), snapshot.risk_level == RiskLevel::low);
    }
  }
}

TEST(RiskSnapshot, StuckActionsFollowTheStage) {
  const RiskEngine engine = make_engine();
  const std::pair<const char*, const char*> cases[] = {
      {"Lead", "Follow up with the customer on the estimate"},
      {"Scheduled", "Confirm the install date with the crew and the customer"},
      {"In Progress", "Ask the crew lead what is blocking the installation"},
      {"On Hold", "Ask the job owner what is needed to move the job out of 'On Hold'"},
  };
  for (const auto& [status, action] : cases) {
    RiskJobInput job = quiet_job(status);
    job.date_status_change = kNow - 8 * kDay;
    const JobRiskSnapshot snapshot = engine.evaluate(job, from_unix_seconds(kNow));
    ASSERT_FALSE(snapshot.reasons.empty()) << status;
    bool found = false;
    for (const RiskReason& reason : snapshot.reasons) {
      if (reason.code == RiskCode::stuck_in_status) {
        EXPECT_EQ(reason.action, action);
        found = true;
      }
    }
    EXPECT_TRUE(found) << status;
  }
}

TEST(RiskSnapshot, OneDayIsSingular) {
  RiskConfig config;
  config.stale_job = {1, 2};
  const RiskEngine engine = make_engine(config);
  RiskJobInput job = quiet_job();
  job.date_updated = kNow - kDay;
  EXPECT_EQ(engine.evaluate(job, from_unix_seconds(kNow)).reasons.at(0).message,
            "No update in JobNimbus for 1 day (MEDIUM at 1, HIGH at 2)");
}

TEST(JobNimbusUrl, BuildsTheDeepLink) {
  EXPECT_EQ(jobnimbus_job_url("https://app.jobnimbus.com", "3pg"),
            "https://app.jobnimbus.com/job/3pg");
  EXPECT_EQ(jobnimbus_job_url("https://app.jobnimbus.com/", "3pg"),
            "https://app.jobnimbus.com/job/3pg");
  EXPECT_EQ(jobnimbus_job_url("https://app.jobnimbus.com//", "ab12cd34ef56gh78ij90klm"),
            "https://app.jobnimbus.com/job/ab12cd34ef56gh78ij90klm");
  EXPECT_EQ(jobnimbus_job_url("http://localhost:3002", "a b/c?"),
            "http://localhost:3002/job/a%20b%2Fc%3F");
  EXPECT_EQ(jobnimbus_job_url("https://app.jobnimbus.com", ""), "");
}

TEST(JobNimbusUrl, UsesTheConfiguredBase) {
  RiskConfig config;
  config.app_base_url = "https://sandbox.example.test/";
  const RiskEngine engine = make_engine(config);
  EXPECT_EQ(engine.evaluate(quiet_job(), from_unix_seconds(kNow)).jobnimbus_url,
            "https://sandbox.example.test/job/3pg");
}

TEST(RiskJson, SpecShape) {
  const RiskEngine engine = make_engine();
  const nlohmann::json json = to_json(engine.evaluate(troubled_job(), from_unix_seconds(kNow)));
  EXPECT_EQ(json["jobId"], "job-1");
  EXPECT_EQ(json["jobNimbusId"], "3pg");
  EXPECT_EQ(json["jobNumber"], "1001");
  EXPECT_EQ(json["jobName"], "Kent solar");
  EXPECT_EQ(json["customerName"], "Clark Kent");
  EXPECT_EQ(json["status"], "Permitting");
  EXPECT_EQ(json["riskLevel"], "HIGH");
  EXPECT_EQ(json["jobNimbusUrl"], "https://app.jobnimbus.com/job/3pg");
  EXPECT_EQ(json["evaluatedAt"], "2024-06-15T12:00:00Z");
  ASSERT_EQ(json["reasons"].size(), 3U);
  EXPECT_EQ(json["reasons"][0]["code"], "STUCK_IN_STATUS");
  EXPECT_EQ(json["reasons"][0]["severity"], "HIGH");
  EXPECT_EQ(json["reasons"][0]["details"], (nlohmann::json{{"days", 16},
                                                           {"mediumAt", 7},
                                                           {"highAt", 14},
                                                           {"since", "2024-05-30T12:00:00Z"},
                                                           {"status", "Permitting"}}));
  EXPECT_EQ(json["reasons"][1]["details"]["missingPhotos"][1]["category"], "AFTER");
  EXPECT_EQ(json["recommendedActions"].size(), 3U);
}

TEST(RiskJson, DocumentDetailsAndNoLinkWithoutId) {
  const RiskEngine engine = make_engine();
  RiskJobInput job = quiet_job("Sold");
  job.jobnimbus_id.clear();
  const nlohmann::json json = to_json(engine.evaluate(job, from_unix_seconds(kNow)));
  EXPECT_TRUE(json["jobNimbusUrl"].is_null());
  EXPECT_EQ(json["reasons"][0]["details"], (nlohmann::json{{"documentKind", "signed_contract"},
                                                           {"status", "Sold"},
                                                           {"requiredFrom", "Sold"},
                                                           {"highFrom", "Permitting"}}));
  EXPECT_EQ(json["reasons"][0]["action"], "Upload the signed contract in JobNimbus");
}

// evaluate-all stores texts written without nlohmann: they must be the bytes to_json dumps.
TEST(RiskJson, StoredTextsAreTheDumpedJson) {
  const RiskEngine engine = make_engine();
  std::vector<RiskJobInput> jobs{troubled_job(), quiet_job()};
  for (const char* status :
       {"Lead", "Sold", "Permitting", "Scheduled", "In Progress", "Completed", "Lost"}) {
    for (const int64_t age : {0L, 1L, 7L, 14L, 40L}) {
      RiskJobInput job = troubled_job();
      job.status_name = status;
      job.date_status_change = kNow - age * kDay;
      job.date_updated = kNow - (age / 2) * kDay;
      jobs.push_back(job);
    }
  }
  jobs.back().status_name = "Caf\xc3\xa9 \"quoted\"\ttab\x01";
  for (const RiskJobInput& job : jobs) {
    const JobRiskSnapshot snapshot = engine.evaluate(job, from_unix_seconds(kNow));
    const nlohmann::json json = to_json(snapshot);
    EXPECT_EQ(reasons_json_text(snapshot), json.at("reasons").dump()) << job.status_name;
    EXPECT_EQ(actions_json_text(snapshot), json.at("recommendedActions").dump());
  }
}

TEST(RiskEnums, RoundTrip) {
  for (const auto level : {RiskLevel::low, RiskLevel::medium, RiskLevel::high}) {
    EXPECT_EQ(parse_risk_level(to_string(level)), level);
  }
  for (const auto code : {RiskCode::stuck_in_status, RiskCode::stale_job,
                          RiskCode::missing_qc_photos, RiskCode::missing_documents}) {
    EXPECT_EQ(parse_risk_code(to_string(code)), code);
  }
  EXPECT_FALSE(parse_risk_level("SEVERE").has_value());
}

}  // namespace
}  // namespace gep::risk

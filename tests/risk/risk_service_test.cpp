// RiskService over a real store (SQLite and PostgreSQL) and a ManualClock: inputs from the mirror
// (documents, the latest QC check, closed statuses from the account settings) and the history rule.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "risk/risk_service.h"
#include "store/store_fixture.h"
#include "store/test_database.h"
#include "store/test_records.h"

namespace gep::risk {
namespace {

constexpr int64_t kDay = 86'400;
constexpr int64_t kNow = 1'700'000'000;

class RiskServiceTest : public ::testing::TestWithParam<test::Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == test::Backend::postgres && !test::postgres_test_url()) {
      if (test::postgres_skip_allowed()) GTEST_SKIP() << "GEP_ALLOW_SKIP_POSTGRES=1";
      FAIL() << "GEP_TEST_DATABASE_URL is not set (scripts/pg-test-cluster.sh start)";
    }
    auto created = test::TestDatabase::create(GetParam());
    ASSERT_TRUE(created) << created.error().message;
    database_ = std::move(created).value();
    auto opened = database_->open(&clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    db_ = std::move(opened).value();
    ASSERT_TRUE(db_->migrate());
    auto engine = RiskEngine::create(RiskConfig{});
    ASSERT_TRUE(engine) << engine.error().message;
    service_ = std::make_unique<RiskService>(*db_, clock_, std::move(engine).value());
  }

  int64_t add_job(int n, const std::string& status, int64_t days_in_status, int64_t days_stale) {
    domain::Job job = test::make_job(n);
    job.status_name = status;
    job.record_type_name = "Residential Solar";
    job.date_status_change = kNow - days_in_status * kDay;
    job.jn_date_updated = kNow - days_stale * kDay;
    EXPECT_TRUE(db_->jobs().upsert_batch(std::vector<domain::Job>{job}));
    return (*db_->jobs().find_by_jnid(job.jnid))->id;
  }

  static std::vector<std::string> codes(const nlohmann::json& snapshot) {
    std::vector<std::string> out;
    for (const auto& reason : snapshot["reasons"]) out.push_back(reason["code"]);
    return out;
  }

  ManualClock clock_{TimePoint{std::chrono::seconds{kNow}}};
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<RiskService> service_;
};

TEST_P(RiskServiceTest, AStuckStaleJobIsHighWithItsReasonsAndDeepLink) {
  const int64_t id = add_job(1, "Lead", 15, 8);
  const auto snapshot = service_->evaluate_job(id);
  ASSERT_TRUE(snapshot && snapshot->has_value()) << (snapshot ? "" : snapshot.error().message);
  const nlohmann::json json = service_->to_json(**snapshot);
  EXPECT_EQ(json["riskLevel"], "HIGH");
  EXPECT_EQ(codes(json), (std::vector<std::string>{"STUCK_IN_STATUS", "STALE_JOB"}));
  EXPECT_EQ(json["jobId"], std::to_string(id));
  EXPECT_EQ(json["jobNimbusId"], "job1");
  EXPECT_EQ(json["jobNimbusUrl"], "https://app.jobnimbus.com/job/job1");
  EXPECT_EQ(json["status"], "Lead");
  EXPECT_EQ(json["evaluatedAt"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(json["recommendedActions"].size(), 2U);
}

TEST_P(RiskServiceTest, AClosedStatusIsNeverStuckOrStale) {
  domain::WorkflowRecord solar{1, "job", "Residential Solar", true, "{}", {}};
  solar.statuses = {{1, "Lead", true, false, true, 1}, {2, "Lost", false, true, true, 2}};
  ASSERT_TRUE(db_->workflows().replace_all(std::vector<domain::WorkflowRecord>{solar}));
  const int64_t lost = add_job(1, "Lost", 40, 40);
  const int64_t open = add_job(2, "Lead", 40, 40);
  const auto report = service_->evaluate_all();
  EXPECT_EQ(report.total_jobs, 2);
  EXPECT_EQ(report.evaluated, 2);
  EXPECT_EQ((*db_->risk_snapshots().latest(lost))->risk_level, "LOW");
  EXPECT_EQ((*db_->risk_snapshots().latest(open))->risk_level, "HIGH");
}

TEST_P(RiskServiceTest, ALatestQcFailAndMissingDocumentsComeFromTheMirror) {
  const int64_t id = add_job(1, "In Progress", 1, 1);
  domain::QcCheck fail;
  fail.job_id = id;
  fail.status = "FAIL";
  fail.missing_json = R"([{"category":"DURING","required":2,"current":0,"missing":2}])";
  ASSERT_TRUE(db_->qc_checks().append(std::vector<domain::QcCheck>{fail}));
  domain::File contract = test::make_file(1, "job1", domain::FileKind::document);
  contract.filename = "Signed Contract.pdf";
  contract.caption = "";
  ASSERT_TRUE(db_->files().upsert_batch(std::vector<domain::File>{contract}));

  const auto snapshot = service_->evaluate_job(id);
  ASSERT_TRUE(snapshot && snapshot->has_value());
  const nlohmann::json json = service_->to_json(**snapshot);
  EXPECT_EQ(json["riskLevel"], "HIGH");
  // Contract on file; the permit is overdue (HIGH) at In Progress; the interconnection approval
  // is due (MEDIUM, HIGH at Completed).
  EXPECT_EQ(codes(json), (std::vector<std::string>{"MISSING_QC_PHOTOS", "MISSING_DOCUMENTS",
                                                   "MISSING_DOCUMENTS"}));
  EXPECT_EQ(json["reasons"][0]["message"], "QC FAIL: missing 2 DURING photos");
  EXPECT_EQ(json["reasons"][1]["details"]["documentKind"], "permit");
  EXPECT_EQ(json["reasons"][1]["severity"], "HIGH");
  EXPECT_EQ(json["reasons"][2]["details"]["documentKind"], "interconnection");
  EXPECT_EQ(json["reasons"][2]["severity"], "MEDIUM");
}

TEST_P(RiskServiceTest, SameReasonsRefreshTheLatestRowANewLevelAddsHistory) {
  const int64_t id = add_job(1, "Lead", 7, 0);
  ASSERT_TRUE(service_->evaluate_job(id));
  EXPECT_EQ((*db_->risk_snapshots().latest(id))->risk_level, "MEDIUM");
  clock_.advance(std::chrono::hours(24));
  ASSERT_TRUE(service_->evaluate_job(id));
  auto latest = db_->risk_snapshots().latest(id);
  EXPECT_EQ((*latest)->risk_level, "MEDIUM");
  EXPECT_EQ((*latest)->evaluated_at, kNow);
  EXPECT_EQ((*latest)->last_evaluated_at, kNow + kDay);
  EXPECT_NE((*latest)->reasons_json.find("8 days"), std::string::npos);
  EXPECT_EQ(db_->risk_snapshots().history(id, 10)->size(), 1U);

  clock_.advance(std::chrono::hours(24 * 6));  // 14 days: HIGH
  ASSERT_TRUE(service_->evaluate_job(id));
  latest = db_->risk_snapshots().latest(id);
  EXPECT_EQ((*latest)->risk_level, "HIGH");
  EXPECT_EQ(db_->risk_snapshots().history(id, 10)->size(), 2U);
}

TEST_P(RiskServiceTest, EvaluateAllCountsAddUpAndEveryHighJobHasAReason) {
  std::vector<domain::Job> jobs;
  for (int n = 1; n <= 1'500; ++n) {
    domain::Job job = test::make_job(n);
    job.status_name = "Lead";
    job.date_status_change = kNow - (n % 20) * kDay;
    job.jn_date_updated = kNow - (n % 10) * kDay;
    jobs.push_back(job);
  }
  ASSERT_TRUE(db_->jobs().upsert_batch(jobs));
  const RiskRunReport report = service_->evaluate_all(400);
  EXPECT_EQ(report.total_jobs, 1'500);
  EXPECT_EQ(report.evaluated, 1'500);
  EXPECT_EQ(report.high + report.medium + report.low, 1'500);
  EXPECT_TRUE(report.errors.empty());
  domain::RiskListQuery high;
  high.level = "HIGH";
  high.limit = 1000;
  const auto page = db_->risk_snapshots().list_latest(high);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, report.high);
  for (const auto& snapshot : page->items) EXPECT_FALSE(snapshot.reason_codes.empty());
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(RiskServiceTest);

}  // namespace
}  // namespace gep::risk

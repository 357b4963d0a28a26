// Every risk rule at and around every threshold.
#include <gtest/gtest.h>

#include "risk_test_support.h"

namespace gep::risk {
namespace {

using namespace testing;

struct ThresholdCase {
  int64_t age_seconds;
  RiskLevel expected;
};

// 6d23h, exactly 7d, 13d (and 13d23h59m59s), exactly 14d, and beyond.
const ThresholdCase kDefaultThresholdCases[] = {
    {0, RiskLevel::low},
    {6 * kDay + 23 * kHour, RiskLevel::low},
    {7 * kDay - 1, RiskLevel::low},
    {7 * kDay, RiskLevel::medium},
    {13 * kDay, RiskLevel::medium},
    {14 * kDay - 1, RiskLevel::medium},
    {14 * kDay, RiskLevel::high},
    {90 * kDay, RiskLevel::high},
};

TEST(StuckInStatus, AtAndAroundEveryThreshold) {
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  for (const ThresholdCase& c : kDefaultThresholdCases) {
    RiskJobInput job = quiet_job("Permitting");
    job.date_status_change = kNow - c.age_seconds;
    const RiskFindings findings = engine.assess(job, now);
    EXPECT_EQ(findings.stuck, c.expected) << c.age_seconds / kHour << " hours";
    EXPECT_EQ(findings.days_in_status, c.age_seconds / kDay);
    EXPECT_EQ(findings.stale, RiskLevel::low);
  }
}

TEST(StaleJob, AtAndAroundEveryThreshold) {
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  for (const ThresholdCase& c : kDefaultThresholdCases) {
    RiskJobInput job = quiet_job();
    job.date_updated = kNow - c.age_seconds;
    const RiskFindings findings = engine.assess(job, now);
    EXPECT_EQ(findings.stale, c.expected) << c.age_seconds / kHour << " hours";
    EXPECT_EQ(findings.stuck, RiskLevel::low);
    EXPECT_EQ(findings.level, c.expected);
  }
}

TEST(DayRules, ConfiguredThresholds) {
  RiskConfig config;
  config.stuck_in_status = {3, 5};
  config.stale_job = {10, 30};
  const RiskEngine engine = make_engine(config);
  const auto now = engine.at(from_unix_seconds(kNow));
  RiskJobInput job = quiet_job("Sold");
  job.date_status_change = kNow - 3 * kDay;
  job.date_updated = kNow - 29 * kDay;
  RiskFindings findings = engine.assess(job, now);
  EXPECT_EQ(findings.stuck, RiskLevel::medium);
  EXPECT_EQ(findings.stale, RiskLevel::medium);
  job.date_status_change = kNow - 5 * kDay;
  job.date_updated = kNow - 30 * kDay;
  findings = engine.assess(job, now);
  EXPECT_EQ(findings.stuck, RiskLevel::high);
  EXPECT_EQ(findings.stale, RiskLevel::high);
}

TEST(DayRules, ClosedJobsAreNeverStuckOrStale) {
  const RiskEngine engine = make_engine();
  RiskJobInput job = quiet_job("Lost");
  job.status_is_closed = true;
  job.date_status_change = kNow - 400 * kDay;
  job.date_updated = kNow - 400 * kDay;
  const RiskFindings findings = engine.assess(job, engine.at(from_unix_seconds(kNow)));
  EXPECT_EQ(findings.level, RiskLevel::low);
  EXPECT_EQ(findings.days_in_status, -1);
  EXPECT_EQ(findings.days_since_update, -1);
}

TEST(DayRules, ClosedJobsAreNotAtRiskEvenWithAFailedQcOrMissingDocuments) {
  const RiskEngine engine = make_engine();
  RiskJobInput job = quiet_job("Paid & Closed");
  job.status_is_closed = true;
  job.latest_qc = LatestQc{qc::QcStatus::fail, {{qc::PhotoCategory::after, 3, 1, 2}}};
  job.files.clear();
  const RiskFindings findings = engine.assess(job, engine.at(from_unix_seconds(kNow)));
  EXPECT_EQ(findings.level, RiskLevel::low);
  EXPECT_EQ(findings.qc, RiskLevel::low);
  EXPECT_EQ(findings.documents_missing, 0U);
  job.status_is_closed = false;
  EXPECT_EQ(engine.assess(job, engine.at(from_unix_seconds(kNow))).level, RiskLevel::high)
      << "the same job open is at risk";
}

TEST(DayRules, UnsetDatesSkipTheirRule) {
  const RiskEngine engine = make_engine();
  RiskJobInput job = quiet_job();
  job.date_status_change = 0;
  job.date_updated = 0;
  const RiskFindings findings = engine.assess(job, engine.at(from_unix_seconds(kNow)));
  EXPECT_EQ(findings.level, RiskLevel::low);
}

TEST(DayRules, DstWeekCountsAsSevenDaysInTheConfiguredZone) {
  // Status changed Tue 2024-03-05 10:00 MST; evaluated Tue 2024-03-12 10:00 MDT: 167 real hours.
  const int64_t changed = 1'709'658'000;
  const int64_t evaluated = 1'710'259'200;
  RiskJobInput job = quiet_job("Permitting");
  job.date_status_change = changed;
  job.date_updated = evaluated;
  const RiskEngine denver = make_engine_in("America/Denver");
  EXPECT_EQ(denver.assess(job, denver.at(from_unix_seconds(evaluated))).stuck, RiskLevel::medium);
  // The same instants in UTC are 6 days 23 hours.
  const RiskEngine utc = make_engine();
  EXPECT_EQ(utc.assess(job, utc.at(from_unix_seconds(evaluated))).stuck, RiskLevel::low);
}

TEST(DayRules, FallBackWeekCountsAsSevenDays) {
  // Wed 2024-10-30 09:00 EDT → Wed 2024-11-06 09:00 EST: 169 real hours, 7 days.
  RiskJobInput job = quiet_job("Scheduled");
  job.date_status_change = 1'730'293'200;
  const RiskEngine new_york = make_engine_in("America/New_York");
  const RiskFindings findings = new_york.assess(job, new_york.at(from_unix_seconds(1'730'901'600)));
  EXPECT_EQ(findings.days_in_status, 7);
  EXPECT_EQ(findings.stuck, RiskLevel::medium);
}

TEST(MissingQcPhotos, OnlyFailIsHigh) {
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  RiskJobInput job = quiet_job();
  EXPECT_EQ(engine.assess(job, now).qc, RiskLevel::low);  // never evaluated
  job.latest_qc = LatestQc{qc::QcStatus::pass, {}};
  EXPECT_EQ(engine.assess(job, now).qc, RiskLevel::low);
  job.latest_qc = LatestQc{qc::QcStatus::not_checked, {}};
  EXPECT_EQ(engine.assess(job, now).qc, RiskLevel::low);
  job.latest_qc = LatestQc{qc::QcStatus::fail, {{qc::PhotoCategory::after, 3, 1, 2}}};
  const RiskFindings findings = engine.assess(job, now);
  EXPECT_EQ(findings.qc, RiskLevel::high);
  EXPECT_EQ(findings.level, RiskLevel::high);
}

TEST(RiskLevel, IsTheHighestReason) {
  const RiskEngine engine = make_engine();
  const auto now = engine.at(from_unix_seconds(kNow));
  RiskJobInput job = quiet_job("Sold");  // needs a signed contract: MEDIUM
  job.date_updated = kNow - 8 * kDay;    // MEDIUM
  EXPECT_EQ(engine.assess(job, now).level, RiskLevel::medium);
  job.date_status_change = kNow - 15 * kDay;  // HIGH
  EXPECT_EQ(engine.assess(job, now).level, RiskLevel::high);
  job = quiet_job("Lead");
  EXPECT_EQ(engine.assess(job, now).level, RiskLevel::low);
}

}  // namespace
}  // namespace gep::risk

// A risk table row: days in status from the job's last status change (closed jobs too), and
// each kind of reason once, with its count.
#include "web/risk_views.h"

#include <gtest/gtest.h>

namespace gep::web {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNow = 1'800'000'000;

std::string row_text(const Data& data, const std::string& name) {
  const Data* found = data.get(name);
  return found != nullptr && found->is_string() ? found->string_value() : std::string();
}

nlohmann::json dto_with(const std::vector<std::string>& codes) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& code : codes) reasons.push_back({{"code", code}});
  // A JobRiskSnapshotDTO as RiskService::to_json writes it (every field present).
  return {{"riskLevel", "HIGH"}, {"jobId", 7},
          {"jobNumber", "1007"}, {"jobName", "Solar 7"},
          {"customerName", "A"}, {"status", "Sold"},
          {"reasons", reasons},  {"jobNimbusUrl", "https://app.jobnimbus.com/job/j7"}};
}

TEST(RiskRowView, DaysInStatusCountWholeDaysSinceTheJobsLastStatusChange) {
  domain::RiskSnapshotRecord snapshot;
  snapshot.job_status_changed_at = kNow - 12 * kDay - 3600;
  EXPECT_EQ(row_text(risk_row_view(snapshot, dto_with({}), kNow), "daysInStatus"), "12");
  snapshot.job_status_changed_at = kNow + 60;  // a clock a little behind JobNimbus's
  EXPECT_EQ(row_text(risk_row_view(snapshot, dto_with({}), kNow), "daysInStatus"), "0");
  snapshot.job_status_changed_at.reset();
  EXPECT_EQ(row_text(risk_row_view(snapshot, dto_with({}), kNow), "daysInStatus"), "");
}

TEST(RiskRowView, EachKindOfReasonShowsOnceWithItsCount) {
  const domain::RiskSnapshotRecord snapshot;
  const Data row = risk_row_view(
      snapshot, dto_with({"MISSING_DOCUMENTS", "STALE_JOB", "MISSING_DOCUMENTS"}), kNow);
  const auto& reasons = row.get("reasons")->list_value();
  ASSERT_EQ(reasons.size(), 2U);
  EXPECT_EQ(row_text(reasons[0], "label"), "Missing documents \u00D72");
  EXPECT_EQ(row_text(reasons[1], "label"), "No recent activity");
}

}  // namespace
}  // namespace gep::web

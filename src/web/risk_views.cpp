#include "web/risk_views.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "web/qc_views.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

constexpr int64_t kHistoryRows = 30;
constexpr std::array<Choice, 4> kReasons = {{
    {"STUCK_IN_STATUS", "Stuck in status"},
    {"STALE_JOB", "No recent activity"},
    {"MISSING_QC_PHOTOS", "Missing QC photos"},
    {"MISSING_DOCUMENTS", "Missing documents"},
}};

std::string reason_label(const std::string& code) {
  for (const auto& [known, label] : kReasons) {
    if (code == known) return label;
  }
  return code;
}

constexpr int64_t kSecondsPerDay = 86400;

// Closed jobs carry no STUCK_IN_STATUS reason, so the days come from the job itself.
std::string days_in_status(const std::optional<int64_t>& changed_at, int64_t now) {
  if (!changed_at || *changed_at <= 0) return "";
  return std::to_string(std::max<int64_t>(0, (now - *changed_at) / kSecondsPerDay));
}

// Each kind of reason once, with how many there are: two missing documents are one "Missing
// documents ×2" badge (the detail page lists each document).
List reason_badges(const std::vector<std::string>& codes) {
  List badges;
  std::vector<std::string_view> shown;
  for (const std::string& code : codes) {
    if (std::find(shown.begin(), shown.end(), code) != shown.end()) continue;
    shown.push_back(code);
    const auto count = std::count(codes.begin(), codes.end(), code);
    Data badge;
    badge.set("label", reason_label(code) + (count > 1 ? " \u00D7" + std::to_string(count) : ""));
    badges.push_back(badge);
  }
  return badges;
}

List reason_rows(const nlohmann::json& reasons) {
  List rows;
  for (const auto& reason : reasons) {
    Data row;
    const std::string severity = text_of(reason["severity"]);
    row.set("label", reason_label(text_of(reason["code"])));
    row.set("severity", severity);
    row.set("severityTone", ascii_lower(severity));
    row.set("message", text_of(reason["message"]));
    row.set("action", text_of(reason["action"]));
    rows.push_back(row);
  }
  return rows;
}

List history_rows(const std::vector<domain::RiskSnapshotRecord>& history) {
  List rows;
  for (const auto& snapshot : history) {
    Data row;
    row.set("level", snapshot.risk_level);
    row.set("levelTone", ascii_lower(snapshot.risk_level));
    row.set("since", format_when(snapshot.evaluated_at));
    row.set("reasons", reason_badges(snapshot.reason_codes));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::span<const Choice> risk_reason_choices() {
  return kReasons;
}

Data risk_row_view(const domain::RiskSnapshotRecord& snapshot, const nlohmann::json& dto,
                   const int64_t now) {
  Data row;
  const std::string level = text_of(dto["riskLevel"]);
  row.set("level", level);
  row.set("levelTone", ascii_lower(level));
  row.set("detailHref", "/risk/" + text_of(dto["jobId"]));
  row.set("jobNumber", text_of(dto["jobNumber"]));
  row.set("jobName", text_of(dto["jobName"]));
  row.set("customer", text_of(dto["customerName"]));
  row.set("status", text_of(dto["status"]));
  row.set("daysInStatus", days_in_status(snapshot.job_status_changed_at, now));
  std::vector<std::string> codes;
  for (const auto& reason : dto["reasons"]) codes.push_back(text_of(reason["code"]));
  row.set("reasons", reason_badges(codes));
  row.set("evaluatedAt", format_when(snapshot.last_evaluated_at));
  const std::string url = text_of(dto["jobNimbusUrl"]);
  row.set("jobNimbusUrl", safe_href(url));
  row.set("hasJobNimbusUrl", !url.empty());
  return row;
}

Result<Data> risk_detail_view(domain::Repositories& store, const risk::RiskService& risk,
                              const domain::Job& job, const int64_t now) {
  const int64_t job_id = job.id;
  const auto snapshot = store.risk_snapshots().latest(job_id);
  const auto history = store.risk_snapshots().history(job_id, kHistoryRows);
  if (!snapshot) return fail(snapshot.error());
  if (!history) return fail(history.error());
  Data data;
  data.set("evaluated", snapshot->has_value());
  Data snapshot_view;
  List actions;
  if (snapshot->has_value()) {
    const nlohmann::json dto = risk.to_json(**snapshot);
    snapshot_view = risk_row_view(**snapshot, dto, now);
    snapshot_view.set("reasonRows", reason_rows(dto["reasons"]));
    snapshot_view.set("hasReasons", !dto["reasons"].empty());
    for (const auto& action : dto["recommendedActions"]) {
      Data entry;
      entry.set("text", text_of(action));
      actions.push_back(entry);
    }
  }
  data.set("risk", snapshot_view);
  data.set("actions", actions);
  data.set("hasActions", !actions.empty());
  data.set("history", history_rows(*history));
  data.set("qc", qc_summary_view(store, job_id));
  return data;
}

}  // namespace gep::web

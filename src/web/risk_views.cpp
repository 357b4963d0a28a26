#include "web/risk_views.h"

#include <array>

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

// The days a STUCK_IN_STATUS reason counted; "" when the job is not stuck.
std::string days_in_status(const nlohmann::json& reasons) {
  for (const auto& reason : reasons) {
    if (reason["code"] == "STUCK_IN_STATUS" && reason["details"].contains("days")) {
      return std::to_string(reason["details"]["days"].get<int64_t>());
    }
  }
  return "";
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
    List reasons;
    for (const std::string& code : snapshot.reason_codes) {
      Data entry;
      entry.set("label", reason_label(code));
      reasons.push_back(entry);
    }
    row.set("reasons", reasons);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::span<const Choice> risk_reason_choices() {
  return kReasons;
}

Data risk_row_view(const nlohmann::json& dto, int64_t evaluated_at) {
  Data row;
  const std::string level = text_of(dto["riskLevel"]);
  row.set("level", level);
  row.set("levelTone", ascii_lower(level));
  row.set("detailHref", "/risk/" + text_of(dto["jobId"]));
  row.set("jobNumber", text_of(dto["jobNumber"]));
  row.set("jobName", text_of(dto["jobName"]));
  row.set("customer", text_of(dto["customerName"]));
  row.set("status", text_of(dto["status"]));
  row.set("daysInStatus", days_in_status(dto["reasons"]));
  List reasons;
  for (const auto& reason : dto["reasons"]) {
    Data entry;
    entry.set("label", reason_label(text_of(reason["code"])));
    reasons.push_back(entry);
  }
  row.set("reasons", reasons);
  row.set("evaluatedAt", format_when(evaluated_at));
  const std::string url = text_of(dto["jobNimbusUrl"]);
  row.set("jobNimbusUrl", safe_href(url));
  row.set("hasJobNimbusUrl", !url.empty());
  return row;
}

Result<Data> risk_detail_view(domain::Repositories& store, const risk::RiskService& risk,
                              const domain::Job& job) {
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
    snapshot_view = risk_row_view(dto, (**snapshot).last_evaluated_at);
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

#include "risk/risk_json.h"

#include "core/time_format.h"

namespace gep::risk {
namespace {

nlohmann::json details_json(const RiskDetails& details) {
  nlohmann::json out = nlohmann::json::object();
  if (details.days) out["days"] = *details.days;
  if (details.medium_at) out["mediumAt"] = *details.medium_at;
  if (details.high_at) out["highAt"] = *details.high_at;
  if (details.since) out["since"] = format_iso8601_seconds(*details.since);
  if (!details.status_name.empty()) out["status"] = details.status_name;
  if (!details.document_kind.empty()) out["documentKind"] = details.document_kind;
  if (details.required_from) out["requiredFrom"] = qc::display_name(*details.required_from);
  if (details.high_from) out["highFrom"] = qc::display_name(*details.high_from);
  if (!details.missing_photos.empty()) {
    nlohmann::json missing = nlohmann::json::array();
    for (const qc::MissingCategory& entry : details.missing_photos) {
      missing.push_back({{"category", qc::to_string(entry.category)},
                         {"required", entry.required},
                         {"current", entry.current},
                         {"missing", entry.missing}});
    }
    out["missingPhotos"] = std::move(missing);
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const JobRiskSnapshot& snapshot) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const RiskReason& reason : snapshot.reasons) {
    reasons.push_back({{"code", to_string(reason.code)},
                       {"severity", to_string(reason.severity)},
                       {"message", reason.message},
                       {"details", details_json(reason.details)},
                       {"action", reason.action}});
  }
  return {
      {"jobId", snapshot.job_id},
      {"jobNimbusId", snapshot.jobnimbus_id},
      {"jobNumber", snapshot.job_number},
      {"jobName", snapshot.job_name},
      {"customerName", snapshot.customer_name},
      {"status", snapshot.status},
      {"riskLevel", to_string(snapshot.risk_level)},
      {"reasons", std::move(reasons)},
      {"recommendedActions", snapshot.recommended_actions},
      {"jobNimbusUrl", snapshot.jobnimbus_url.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(snapshot.jobnimbus_url)},
      {"evaluatedAt", format_iso8601(snapshot.evaluated_at)},
  };
}

}  // namespace gep::risk

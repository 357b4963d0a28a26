#include "risk/risk_json.h"

#include "core/time_format.h"
#include "qc/json_text.h"
#include "qc/qc_json.h"

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

namespace {

// details_json(details).dump(), keys in byte order.
void append_details(std::string& out, const RiskDetails& details) {
  using qc::append_json_key;
  using qc::append_json_number;
  using qc::append_json_string;
  out += '{';
  const auto key = [&out](std::string_view name) {
    if (out.back() != '{') out += ',';
    append_json_key(out, name);
  };
  if (details.days) {
    key("days");
    append_json_number(out, *details.days);
  }
  if (!details.document_kind.empty()) {
    key("documentKind");
    append_json_string(out, details.document_kind);
  }
  if (details.high_at) {
    key("highAt");
    append_json_number(out, *details.high_at);
  }
  if (details.high_from) {
    key("highFrom");
    append_json_string(out, qc::display_name(*details.high_from));
  }
  if (details.medium_at) {
    key("mediumAt");
    append_json_number(out, *details.medium_at);
  }
  if (!details.missing_photos.empty()) {
    key("missingPhotos");
    qc::append_missing_json(out, details.missing_photos);
  }
  if (details.required_from) {
    key("requiredFrom");
    append_json_string(out, qc::display_name(*details.required_from));
  }
  if (details.since) {
    key("since");
    append_json_string(out, format_iso8601_seconds(*details.since));
  }
  if (!details.status_name.empty()) {
    key("status");
    append_json_string(out, details.status_name);
  }
  out += '}';
}

}  // namespace

std::string reasons_json_text(const JobRiskSnapshot& snapshot) {
  using qc::append_json_key;
  using qc::append_json_string;
  std::string out = "[";
  for (const RiskReason& reason : snapshot.reasons) {
    if (out.size() > 1) out += ',';
    append_json_key(out += '{', "action");
    append_json_string(out, reason.action);
    append_json_key(out += ',', "code");
    append_json_string(out, to_string(reason.code));
    append_json_key(out += ',', "details");
    append_details(out, reason.details);
    append_json_key(out += ',', "message");
    append_json_string(out, reason.message);
    append_json_key(out += ',', "severity");
    append_json_string(out, to_string(reason.severity));
    out += '}';
  }
  out += ']';
  return out;
}

std::string actions_json_text(const JobRiskSnapshot& snapshot) {
  std::string out = "[";
  for (const std::string& action : snapshot.recommended_actions) {
    if (out.size() > 1) out += ',';
    qc::append_json_string(out, action);
  }
  out += ']';
  return out;
}

}  // namespace gep::risk

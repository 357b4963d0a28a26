#include "risk/risk_config.h"

namespace gep::risk {
namespace {

Status validate_thresholds(const char* rule, const DayThresholds& thresholds) {
  const auto in_range = [](int days) { return days >= 1 && days <= 3650; };
  if (!in_range(thresholds.medium_days) || !in_range(thresholds.high_days)) {
    return fail("validation", std::string(rule) + ": day thresholds must be from 1 to 3650");
  }
  if (thresholds.medium_days > thresholds.high_days) {
    return fail("validation", std::string(rule) + ": MEDIUM days must not exceed HIGH days");
  }
  return {};
}

std::string_view value_of(const EnvMap& environment, const char* name) {
  const auto found = environment.find(name);
  return found == environment.end() ? std::string_view{} : qc::trim(found->second);
}

}  // namespace

Status validate(const RiskConfig& config) {
  if (auto status = validate_thresholds("STUCK_IN_STATUS", config.stuck_in_status); !status) {
    return status;
  }
  return validate_thresholds("STALE_JOB", config.stale_job);
}

Result<RiskConfig> risk_config_from(const Config& config, const EnvMap& environment) {
  RiskConfig risk;
  risk.stuck_in_status = {config.risk_stuck_status_days_medium, config.risk_stuck_status_days_high};
  risk.stale_job = {config.risk_stale_job_days_medium, config.risk_stale_job_days_high};
  if (!config.jobnimbus_app_base_url.empty()) risk.app_base_url = config.jobnimbus_app_base_url;
  if (const auto zone = value_of(environment, "RISK_TIMEZONE"); !zone.empty()) {
    risk.time_zone = std::string(zone);
  }
  if (const auto spec = value_of(environment, "JOB_STAGE_STATUSES"); !spec.empty()) {
    auto stages = qc::parse_stage_map(spec);
    if (!stages) return fail("validation", "JOB_STAGE_STATUSES: " + stages.error().message);
    risk.stages = std::move(*stages);
  }
  if (const auto spec = value_of(environment, "RISK_REQUIRED_DOCUMENTS"); !spec.empty()) {
    auto requirements = parse_document_requirements(spec);
    if (!requirements) return fail(requirements.error());
    risk.documents.requirements = std::move(*requirements);
  }
  if (const auto words = value_of(environment, "RISK_DOCUMENT_EXCLUDE_WORDS"); !words.empty()) {
    risk.documents.exclude_words = parse_word_list(words);
  }
  if (auto status = validate(risk); !status) return fail(status.error());
  return risk;
}

}  // namespace gep::risk

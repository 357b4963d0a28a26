#pragma once
// Everything the risk engine is configured with, and how it is read from the environment.
//
//   RISK_STUCK_STATUS_DAYS_MEDIUM/HIGH  7 / 14  (already in core Config)
//   RISK_STALE_JOB_DAYS_MEDIUM/HIGH     7 / 14  (already in core Config)
//   JOBNIMBUS_APP_BASE_URL              deep links (already in core Config)
//   RISK_TIMEZONE                       IANA zone for day counts, default UTC (risk/local_days.h)
//   RISK_REQUIRED_DOCUMENTS, RISK_DOCUMENT_EXCLUDE_WORDS   risk/documents.h
//   JOB_STAGE_STATUSES                  status → stage overrides, qc::parse_stage_map's format;
//                                       the QC engine should be given the same map
#include <string>

#include "core/config.h"
#include "core/env_file.h"
#include "core/result.h"
#include "qc/stage.h"
#include "risk/documents.h"

namespace gep::risk {

// A rule's severity by whole days: MEDIUM at >= medium_days, HIGH at >= high_days.
struct DayThresholds {
  int medium_days = 7;
  int high_days = 14;
};

struct RiskConfig {
  DayThresholds stuck_in_status;
  DayThresholds stale_job;
  std::string time_zone = "UTC";
  std::string app_base_url = "https://app.jobnimbus.com";
  qc::StageMap stages = qc::StageMap::defaults();
  DocumentRules documents = default_document_rules();
};

// Thresholds must be 1..3650 days with medium <= high.
Status validate(const RiskConfig& config);

// The core Config's values plus the variables above from `environment`.
Result<RiskConfig> risk_config_from(const Config& config, const EnvMap& environment);

}  // namespace gep::risk

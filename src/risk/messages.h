#pragma once
// The words of risk reasons and of the actions a coordinator can take. Kept apart from the rules
// so that wording can change without touching any decision.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "qc/evaluation.h"
#include "qc/stage.h"
#include "risk/documents.h"
#include "risk/risk_config.h"
#include "risk/snapshot.h"

namespace gep::risk {

// "In 'Permitting' for 16 days (HIGH at 14)", "In 'Sold' for 8 days (MEDIUM at 7, HIGH at 14)"
std::string stuck_message(std::string_view status_name, int64_t days, RiskLevel severity,
                          const DayThresholds& thresholds);
// "Call the permit office", chosen by stage.
std::string stuck_action(qc::JobStage stage, std::string_view status_name);

// "No update in JobNimbus for 9 days (MEDIUM at 7, HIGH at 14)"
std::string stale_message(int64_t days, RiskLevel severity, const DayThresholds& thresholds);
std::string stale_action();

// "QC FAIL: missing 2 AFTER photos, 1 DURING photo"
std::string qc_message(std::span<const qc::MissingCategory> missing);
// "Ask the crew to upload 2 AFTER photos and 1 DURING photo"
std::string qc_action(std::span<const qc::MissingCategory> missing);

// MEDIUM: "No permit on file (required from Scheduled, before In Progress)"
// HIGH:   "No permit on file and the job is already at 'In Progress' (required before In Progress)"
std::string document_message(const DocumentRequirement& requirement, RiskLevel severity,
                             std::string_view status_name);

}  // namespace gep::risk

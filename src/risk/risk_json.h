#pragma once
// JobRiskSnapshotDTO as JSON: {jobId, jobNimbusId, jobNumber, jobName, customerName, status,
// riskLevel, reasons: [{code, severity, message, details, action}], recommendedActions,
// jobNimbusUrl, evaluatedAt}. `details` holds only the keys that apply: days, mediumAt, highAt,
// since (ISO 8601), status, documentKind, requiredFrom, highFrom, missingPhotos.
#include <string>

#include <nlohmann/json.hpp>

#include "risk/snapshot.h"

namespace gep::risk {

nlohmann::json to_json(const JobRiskSnapshot& snapshot);

// The texts a stored snapshot keeps, written directly (qc/json_text.h): byte for byte
// to_json(snapshot)["reasons"].dump() and ["recommendedActions"].dump().
std::string reasons_json_text(const JobRiskSnapshot& snapshot);
std::string actions_json_text(const JobRiskSnapshot& snapshot);

}  // namespace gep::risk

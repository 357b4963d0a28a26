#pragma once
// The risk engine's output: compact findings (no strings, for bulk work) and the full
// JobRiskSnapshotDTO the API returns and the history stores.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "qc/evaluation.h"
#include "qc/stage.h"

namespace gep::risk {

enum class RiskLevel : uint8_t { low, medium, high };
enum class RiskCode : uint8_t { stuck_in_status, stale_job, missing_qc_photos, missing_documents };

std::string_view to_string(RiskLevel level);  // "LOW", "MEDIUM", "HIGH"
std::string_view to_string(RiskCode code);    // "STUCK_IN_STATUS", ...
std::optional<RiskLevel> parse_risk_level(std::string_view text);
std::optional<RiskCode> parse_risk_code(std::string_view text);

// What the rules found, without any text. Cheap to compute, cheap to count and compare.
struct RiskFindings {
  RiskLevel level = RiskLevel::low;  // the highest of the findings below
  qc::JobStage stage = qc::JobStage::unknown;
  RiskLevel stuck = RiskLevel::low;
  int64_t days_in_status = -1;  // -1: not measured (closed job or unset date)
  RiskLevel stale = RiskLevel::low;
  int64_t days_since_update = -1;
  RiskLevel qc = RiskLevel::low;
  uint32_t documents_missing = 0;  // bit i: requirement i is required now and missing
  uint32_t documents_overdue = 0;  // subset of documents_missing that is HIGH
};

struct RiskDetails {
  std::optional<int64_t> days;
  std::optional<int> medium_at;
  std::optional<int> high_at;
  std::optional<int64_t> since;  // unix seconds the days are counted from
  std::string status_name;
  std::string document_kind;
  std::optional<qc::JobStage> required_from;
  std::optional<qc::JobStage> high_from;
  std::vector<qc::MissingCategory> missing_photos;
};

struct RiskReason {
  RiskCode code = RiskCode::stuck_in_status;
  RiskLevel severity = RiskLevel::medium;
  std::string message;  // "In 'Permitting' for 16 days (HIGH at 14)"
  RiskDetails details;
  std::string action;  // "Call the permit office"
};

// JobRiskSnapshotDTO.
struct JobRiskSnapshot {
  std::string job_id;
  std::string jobnimbus_id;
  std::string job_number;
  std::string job_name;
  std::string customer_name;
  std::string status;
  RiskLevel risk_level = RiskLevel::low;
  std::vector<RiskReason> reasons;               // HIGH first, then rule order
  std::vector<std::string> recommended_actions;  // the reasons' actions, same order, no repeats
  std::string jobnimbus_url;                     // empty when the job has no JobNimbus id
  TimePoint evaluated_at{};
};

// `${app_base_url}/job/${jobnimbus_id}`: one slash between the parts whatever the base ends
// with; the id is percent-encoded outside [A-Za-z0-9-._~]; empty when the id is empty.
std::string jobnimbus_job_url(std::string_view app_base_url, std::string_view jobnimbus_id);

}  // namespace gep::risk

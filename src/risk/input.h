#pragma once
// What the service fills from the mirror for one job's risk evaluation. Plain data: the engine
// reads it, never keeps it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qc/evaluation.h"

namespace gep::risk {

// A non-photo attachment of the job (JobNimbus file, record_type other than 2 "Photo").
struct RiskFile {
  int record_type = 0;           // 1 Document, 3 Email Attachment, 4 naturalForms, ... custom
  std::string record_type_name;  // "Document", or an account's custom type such as "Permits"
  std::string filename;
  std::string description;  // caption
};

// The job's latest stored QC check.
struct LatestQc {
  qc::QcStatus status = qc::QcStatus::not_checked;
  std::vector<qc::MissingCategory> missing;  // for the message; may be empty
};

struct RiskJobInput {
  std::string job_id;         // our id
  std::string jobnimbus_id;   // jnid, for the deep link
  std::string job_number;     // JobNimbus `number`
  std::string job_name;       // `name`
  std::string customer_name;  // `display_name` / primary contact
  std::string status_name;
  std::string job_type_name;  // record type (workflow) name: which document rules apply
  // From GET /account/settings: the job's status is marked is_closed in its workflow (won,
  // lost, cancelled). Closed jobs are never STUCK_IN_STATUS or STALE_JOB.
  bool status_is_closed = false;
  int64_t date_status_change = 0;  // unix seconds; 0 = unset (the rule then does not fire)
  int64_t date_updated = 0;
  std::optional<LatestQc> latest_qc;  // none: QC never evaluated
  std::vector<RiskFile> files;        // photos may be included; they are skipped
};

}  // namespace gep::risk

#pragma once
// When a job entered the install and completion stages, for dating photos that have no label.
//
// The events come from the job's `date_status_change` (its current status) and its synced
// "Status Changed" activities. Rules:
// - "install started" is the FIRST entry into install or any later stage: a job that jumped
//   straight from Scheduled to Completed had started installing by then.
// - "completed" is the FIRST entry into the complete stage. A job reopened later (Completed →
//   In Progress for a fix) keeps its first completion: photos after it are AFTER photos of the
//   finished system, which is what QC asks for.
// - Events with `at` 0 (unset) or with unmapped status names are ignored.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "qc/stage.h"

namespace gep::qc {

struct StatusChange {
  std::string status_name;
  int64_t at = 0;  // unix seconds; 0 = unset
};

struct StageEntry {
  int64_t at = 0;
  std::string status_name;  // as the event spelled it; owned, so the timeline outlives its input
};

struct StatusTimeline {
  std::optional<StageEntry> install_started;
  std::optional<StageEntry> completed;
  std::optional<StageEntry> latest;  // most recent mapped event: where the job is now
  JobStage latest_stage = JobStage::unknown;

  static StatusTimeline build(std::span<const StatusChange> changes, const StageMap& stages);
};

}  // namespace gep::qc

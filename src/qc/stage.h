#pragma once
// Where a job is in its life, independent of each account's status names. JobNimbus workflows
// name statuses freely ("Sold", "Contract Signed", "Paid & Closed"), so both engines map the
// status name onto this fixed ladder and reason about stages, never about names.
//
// Default mapping (status names compare case-insensitively, spaces trimmed):
//   lead        Lead, New Lead, Appointment Scheduled, Estimate Sent, Estimating, Proposal Sent
//   sold        Sold, Contract Signed, Signed Contract
//   permitting  Permitting, Permit Submitted, Engineering
//   scheduled   Scheduled, Install Scheduled, Ready to Install
//   install     In Progress, Installing, Install In Progress
//   complete    Completed, Complete, Invoiced, Paid & Closed, Final Inspection, PTO Approved
// Any other status (e.g. "Lost", "On Hold", custom ones) is `unknown`: no stage-based rule fires
// for it, because guessing would raise false alarms.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gep::qc {

enum class JobStage : uint8_t { unknown, lead, sold, permitting, scheduled, install, complete };

// "lead", "sold", "permitting", "scheduled", "install", "complete" (configuration spelling).
std::string_view to_string(JobStage stage);
// For people: "Lead", "Sold", "Permitting", "Scheduled", "In Progress", "Completed".
std::string_view display_name(JobStage stage);
// Accepts the configuration spelling or the display name, case-insensitively.
std::optional<JobStage> parse_stage(std::string_view text);

// True when both are known and `stage` is not earlier than `threshold`. An unknown threshold is
// never reached: it is how a requirement says "never".
constexpr bool at_or_after(JobStage stage, JobStage threshold) {
  return stage != JobStage::unknown && threshold != JobStage::unknown && stage >= threshold;
}

class StageMap {
 public:
  static StageMap defaults();

  // Maps `status_name` to `stage`, replacing an earlier mapping of the same name.
  void set(std::string_view status_name, JobStage stage);
  JobStage stage_of(std::string_view status_name) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string status_name;
    JobStage stage = JobStage::unknown;
  };
  std::vector<Entry> entries_;  // ~20 names: a linear scan beats hashing a folded copy
};

// Env-style overrides, applied on top of `base`: "stage:Status A|Status B;stage:Status C", e.g.
// QC_STAGE_STATUSES="sold:Contract Signed|Deposit Paid;install:Installing". Stage names as
// parse_stage accepts them; "unknown:On Hold" removes a default mapping's effect.
Result<StageMap> parse_stage_map(std::string_view spec, StageMap base = StageMap::defaults());

}  // namespace gep::qc

#include "qc/stage.h"

#include <array>

#include "qc/text.h"

namespace gep::qc {
namespace {

constexpr std::array kAllStages{JobStage::unknown,    JobStage::lead,      JobStage::sold,
                                JobStage::permitting, JobStage::scheduled, JobStage::install,
                                JobStage::complete};

}  // namespace

std::string_view to_string(JobStage stage) {
  switch (stage) {
    case JobStage::lead:
      return "lead";
    case JobStage::sold:
      return "sold";
    case JobStage::permitting:
      return "permitting";
    case JobStage::scheduled:
      return "scheduled";
    case JobStage::install:
      return "install";
    case JobStage::complete:
      return "complete";
    case JobStage::unknown:
      break;
  }
  return "unknown";
}

std::string_view display_name(JobStage stage) {
  switch (stage) {
    case JobStage::lead:
      return "Lead";
    case JobStage::sold:
      return "Sold";
    case JobStage::permitting:
      return "Permitting";
    case JobStage::scheduled:
      return "Scheduled";
    case JobStage::install:
      return "In Progress";
    case JobStage::complete:
      return "Completed";
    case JobStage::unknown:
      break;
  }
  return "Unknown";
}

std::optional<JobStage> parse_stage(std::string_view text) {
  for (const JobStage stage : kAllStages) {
    if (same_name(text, to_string(stage)) || same_name(text, display_name(stage))) return stage;
  }
  return std::nullopt;
}

StageMap StageMap::defaults() {
  StageMap map;
  for (const auto* name : {"Lead", "New Lead", "Appointment Scheduled", "Estimate Sent",
                           "Estimating", "Proposal Sent"}) {
    map.set(name, JobStage::lead);
  }
  for (const auto* name : {"Sold", "Contract Signed", "Signed Contract"}) {
    map.set(name, JobStage::sold);
  }
  for (const auto* name : {"Permitting", "Permit Submitted", "Engineering"}) {
    map.set(name, JobStage::permitting);
  }
  for (const auto* name : {"Scheduled", "Install Scheduled", "Ready to Install"}) {
    map.set(name, JobStage::scheduled);
  }
  for (const auto* name : {"In Progress", "Installing", "Install In Progress"}) {
    map.set(name, JobStage::install);
  }
  for (const auto* name :
       {"Completed", "Complete", "Invoiced", "Paid & Closed", "Final Inspection", "PTO Approved"}) {
    map.set(name, JobStage::complete);
  }
  return map;
}

void StageMap::set(std::string_view status_name, JobStage stage) {
  const std::string_view name = trim(status_name);
  for (Entry& entry : entries_) {
    if (same_name(entry.status_name, name)) {
      entry.stage = stage;
      return;
    }
  }
  entries_.push_back({std::string(name), stage});
}

JobStage StageMap::stage_of(std::string_view status_name) const {
  const std::string_view name = trim(status_name);
  for (const Entry& entry : entries_) {
    if (same_name(entry.status_name, name)) return entry.stage;
  }
  return JobStage::unknown;
}

Result<StageMap> parse_stage_map(std::string_view spec, StageMap base) {
  while (!spec.empty()) {
    const size_t end = spec.find(';');
    const std::string_view group = trim(spec.substr(0, end));
    spec = end == std::string_view::npos ? std::string_view{} : spec.substr(end + 1);
    if (group.empty()) continue;
    const size_t colon = group.find(':');
    if (colon == std::string_view::npos) {
      return fail("validation",
                  "stage map: expected 'stage:Status|Status' in '" + std::string(group) + "'");
    }
    const std::string_view stage_text = trim(group.substr(0, colon));
    const auto stage = parse_stage(stage_text);
    if (!stage) {
      return fail("validation", "stage map: unknown stage '" + std::string(stage_text) +
                                    "' (use lead, sold, permitting, scheduled, install, "
                                    "complete or unknown)");
    }
    std::string_view names = group.substr(colon + 1);
    bool any = false;
    while (!names.empty()) {
      const size_t bar = names.find('|');
      const std::string_view name = trim(names.substr(0, bar));
      names = bar == std::string_view::npos ? std::string_view{} : names.substr(bar + 1);
      if (name.empty()) continue;
      base.set(name, *stage);
      any = true;
    }
    if (!any) {
      return fail("validation",
                  "stage map: no status names for stage '" + std::string(stage_text) + "'");
    }
  }
  return base;
}

}  // namespace gep::qc

#include "qc/timeline.h"

namespace gep::qc {

StatusTimeline StatusTimeline::build(std::span<const StatusChange> changes,
                                     const StageMap& stages) {
  // Remember positions while scanning and copy names once at the end: no string is copied for
  // an event that a later one supersedes.
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t install = kNone;
  size_t completed = kNone;
  size_t latest = kNone;
  StatusTimeline timeline;
  for (size_t i = 0; i < changes.size(); ++i) {
    const StatusChange& change = changes[i];
    if (change.at <= 0) continue;
    const JobStage stage = stages.stage_of(change.status_name);
    if (stage == JobStage::unknown) continue;
    if (at_or_after(stage, JobStage::install) &&
        (install == kNone || change.at < changes[install].at)) {
      install = i;
    }
    if (stage == JobStage::complete && (completed == kNone || change.at < changes[completed].at)) {
      completed = i;
    }
    // Ties keep the later event in input order: the job's own date_status_change is usually
    // listed last and is the authority on the current status.
    if (latest == kNone || change.at >= changes[latest].at) {
      latest = i;
      timeline.latest_stage = stage;
    }
  }
  const auto entry = [&changes](size_t index) {
    return StageEntry{changes[index].at, changes[index].status_name};
  };
  if (install != kNone) timeline.install_started = entry(install);
  if (completed != kNone) timeline.completed = entry(completed);
  if (latest != kNone) timeline.latest = entry(latest);
  return timeline;
}

}  // namespace gep::qc

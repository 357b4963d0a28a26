#pragma once
// The mirror's bulk read cut into one slice per job, without copying: the batch lists files and
// status changes in job order, so each job's rows are one contiguous run.
#include <span>
#include <vector>

#include "domain/evaluations.h"
#include "qc/evaluation.h"

namespace gep::qc {

struct JobSlice {
  const domain::EvaluationJob* job = nullptr;
  std::span<const domain::EvaluationFile> files;
  std::span<const domain::EvaluationStatusChange> status_changes;
};

std::vector<JobSlice> slice_by_job(const domain::EvaluationBatch& batch);

// The QC engine's input: photos = files of kind photo; status changes = the synced "Status
// Changed" activities plus the job's own date_status_change (its current status);
// photos_synced = the job's files were synced at least once.
QcJobInput qc_input(const JobSlice& slice);

}  // namespace gep::qc

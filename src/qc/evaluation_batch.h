#pragma once
// The mirror's bulk read cut into one slice per job, without copying: the batch lists files and
// status changes in job order, so each job's rows are one contiguous run.
#include <cstdint>
#include <functional>
#include <optional>
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

// Jobs per evaluate-all batch: a power of two, because the stores split multi-row statements into
// power-of-two shapes (1000 rows took six INSERTs, 1024 take two).
inline constexpr int64_t kEvaluationBatch = 1024;

struct BatchReadFailure {
  int64_t after_job_id = 0;  // the read that failed was of the jobs after this id
  Error error;
};

// Hands every active job's evaluation input to `evaluate`, `batch_size` jobs at a time in id
// order, and reads the next batch on a second thread (its own pooled connection) meanwhile: the
// store's read time then overlaps the engine's and the writes' instead of adding to them.
// Answers the failed read, if any (the batches before it were evaluated).
std::optional<BatchReadFailure> for_each_batch(
    domain::EvaluationInputRepository& inputs, int64_t batch_size,
    const std::function<void(const domain::EvaluationBatch&)>& evaluate);

// The QC engine's input: photos = files of kind photo; status changes = the synced "Status
// Changed" activities plus the job's own date_status_change (its current status);
// photos_synced = the job's files were synced at least once.
QcJobInput qc_input(const JobSlice& slice);

}  // namespace gep::qc

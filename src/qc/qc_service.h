#pragma once
// QC over the mirror: builds each job's input from the stored files and status timeline, runs the
// pure engine, stores the result (domain/evaluations.h's history rule) and, when a job's QC status
// changes, queues the "QC Review: ..." note for JobNimbus in the same transaction.
//
// evaluate_all streams over the jobs in id order, `batch_size` at a time: one read of the jobs,
// their files and status changes, one read of their latest checks, then one transaction with
// multi-row writes. Memory stays proportional to one batch.
//
// Note rule: a note is queued when the new status is PASS or FAIL and differs from the previous
// latest status (no previous check counts as NOT_CHECKED). Moving to NOT_CHECKED queues nothing:
// there is nothing to review.
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "domain/data_store.h"
#include "qc/evaluation.h"

namespace gep::qc {

struct QcJobError {
  std::string job_id;
  std::string error;
};

struct QcRunReport {
  int64_t total = 0;
  int64_t succeeded = 0;
  int64_t failed = 0;
  std::vector<QcJobError> errors;  // at most kMaxReportedErrors; `failed` counts them all
  int64_t changed = 0;             // jobs whose stored result changed
  int64_t notes_queued = 0;
};

inline constexpr size_t kMaxReportedErrors = 100;

// Where a QC note goes: the durable outbox, inside the unit of work that stores the check.
class QcNoteQueue {
 public:
  virtual ~QcNoteQueue() = default;
  // Answers the outbox row's id.
  virtual Result<int64_t> enqueue(domain::Repositories& unit_of_work, int64_t job_id,
                                  const std::string& job_jnid, const std::string& note) = 0;
};

// The outbox of domain/outbox.h: a "note" item from source "qc".
class OutboxQcNoteQueue final : public QcNoteQueue {
 public:
  Result<int64_t> enqueue(domain::Repositories& unit_of_work, int64_t job_id,
                          const std::string& job_jnid, const std::string& note) override;
};

class QcService {
 public:
  // `notes` may be null (no JobNimbus write-back): checks are stored, notes are not queued.
  QcService(domain::DataStore& store, const Clock& clock, QcEngine engine, QcNoteQueue* notes);

  // nullopt when there is no such active job.
  Result<std::optional<domain::QcCheck>> evaluate_job(int64_t job_id);
  QcRunReport evaluate_all(int64_t batch_size = 1000);
  QcRunReport evaluate_jobs(std::span<const int64_t> job_ids);

  const QcEngine& engine() const { return engine_; }

 private:
  void evaluate_batch(const domain::EvaluationBatch& batch, QcRunReport& report);

  domain::DataStore& store_;
  const Clock& clock_;
  const QcEngine engine_;
  QcNoteQueue* notes_;
  // One writer per process: evaluate-all and a single evaluation of the same job must not both
  // insert a "latest" row (the partial unique index would refuse the second).
  std::mutex writing_;
};

// The stored check in the spec's QCCheckResult shape ({jobId, status, checkedAt, totalPhotos,
// missingCategories, jobNimbusSyncedAt}) plus stage, uncategorizedPhotos, duplicatesIgnored,
// flags, summary, notCheckedReason, firstCheckedAt and the per-photo classification `photos`.
nlohmann::json check_to_json(const domain::QcCheck& check);

}  // namespace gep::qc

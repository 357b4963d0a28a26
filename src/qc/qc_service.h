#pragma once
// QC over the mirror: builds each job's input from the stored files and status timeline, runs the
// pure engine, stores the result (domain/evaluations.h's history rule) and, when a job's QC status
// changes, queues the "QC Review: ..." note for JobNimbus in the same transaction.
//
// evaluate_all streams over the jobs in id order, `batch_size` at a time: one read of the jobs,
// their files and status changes, one read of their latest checks, then one transaction with
// multi-row writes. Three batches are in hand at once (one read ahead, one being evaluated, one
// being stored, each on its own thread and connection), so memory stays proportional to a batch.
//
// Note rule: a note is queued when the new status is PASS or FAIL and differs from the previous
// latest status (no previous check counts as NOT_CHECKED). Moving to NOT_CHECKED queues nothing:
// there is nothing to review.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "domain/data_store.h"
#include "qc/evaluation.h"
#include "qc/evaluation_batch.h"
#include "qc/job_claims.h"

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
  QcRunReport evaluate_all(int64_t batch_size = kEvaluationBatch);
  QcRunReport evaluate_jobs(std::span<const int64_t> job_ids);

  const QcEngine& engine() const { return engine_; }

 private:
  struct Note {
    size_t check = 0;  // index into Evaluated::fresh
    std::string job_jnid;
    std::string text;
  };
  // A batch evaluated against its latest checks, ready to store; its jobs stay claimed until
  // it is stored.
  struct Evaluated {
    std::vector<int64_t> job_ids;
    int64_t now_seconds = 0;
    std::vector<domain::QcCheck> fresh;  // changed results: new history rows
    std::vector<Note> notes;
    std::vector<int64_t> confirmed;  // latest checks the evaluation confirmed
    std::string error;               // reading the latest checks failed
  };
  struct Stored {
    Status status;
    int64_t notes_queued = 0;
  };

  Evaluated evaluate_claimed(const domain::EvaluationBatch& batch);
  Stored store_and_release(Evaluated& evaluated);
  static void account(const Evaluated& evaluated, const Stored& stored, QcRunReport& report);
  void evaluate_batch(const domain::EvaluationBatch& batch, QcRunReport& report);

  domain::DataStore& store_;
  const Clock& clock_;
  const QcEngine engine_;
  QcNoteQueue* notes_;
  // Evaluate-all and a single evaluation of the same job must not both compare against the same
  // latest check and insert a new one (two history rows, two notes).
  JobClaims claims_;
};

// The stored check in the spec's QCCheckResult shape ({jobId, status, checkedAt, totalPhotos,
// missingCategories, jobNimbusSyncedAt}) plus stage, uncategorizedPhotos, duplicatesIgnored,
// flags, summary, notCheckedReason, firstCheckedAt and the per-photo classification `photos`.
nlohmann::json check_to_json(const domain::QcCheck& check);

}  // namespace gep::qc

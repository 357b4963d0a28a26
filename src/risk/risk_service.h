#pragma once
// Risk over the mirror: builds each job's input (documents = its non-photo files, the latest QC
// check, whether its status is closed in its workflow), runs the pure engine and stores the
// snapshot (domain/evaluations.h's history rule: a new row when the level or the set of reason
// codes changes, otherwise the latest row's texts and time are refreshed, because day counts in
// the messages move every day).
//
// evaluate_all streams over the jobs `batch_size` at a time with multi-row writes, one
// transaction per batch, reading ahead and storing behind on other threads, like QcService.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "domain/data_store.h"
#include "qc/evaluation_batch.h"
#include "qc/job_claims.h"
#include "risk/closed_statuses.h"
#include "risk/engine.h"

namespace gep::risk {

struct RiskRunReport {
  int64_t total_jobs = 0;
  int64_t evaluated = 0;
  std::vector<std::string> errors;  // "job 12: ..." — at most kMaxReportedErrors
  int64_t failed = 0;
  int64_t changed = 0;  // jobs that got a new history row
  int64_t high = 0;
  int64_t medium = 0;
  int64_t low = 0;
};

inline constexpr size_t kMaxReportedRiskErrors = 100;

class RiskService {
 public:
  RiskService(domain::DataStore& store, const Clock& clock, RiskEngine engine);

  // nullopt when there is no such active job.
  Result<std::optional<domain::RiskSnapshotRecord>> evaluate_job(int64_t job_id);
  RiskRunReport evaluate_all(int64_t batch_size = qc::kEvaluationBatch);
  RiskRunReport evaluate_jobs(std::span<const int64_t> job_ids);

  // JobRiskSnapshotDTO: {jobId, jobNimbusId, jobNumber, jobName, customerName, status, riskLevel,
  // reasons, recommendedActions, jobNimbusUrl, evaluatedAt} plus levelSince (when the job entered
  // this level with these reasons).
  nlohmann::json to_json(const domain::RiskSnapshotRecord& snapshot) const;

 private:
  Result<ClosedStatuses> load_closed_statuses();
  // A batch evaluated against its latest snapshots, ready to store; its jobs stay claimed until
  // it is stored.
  struct Evaluated {
    std::vector<int64_t> job_ids;
    int64_t now_seconds = 0;
    std::vector<domain::RiskSnapshotRecord> fresh;  // new level or reasons: new history rows
    std::vector<domain::RiskRefresh> refreshed;     // the same: the latest row's texts refreshed
    int64_t high = 0;
    int64_t medium = 0;
    int64_t low = 0;
    std::string error;  // reading the latest checks or snapshots failed
  };

  Evaluated evaluate_claimed(const domain::EvaluationBatch& batch, const ClosedStatuses& closed);
  Status store_and_release(const Evaluated& evaluated);
  static void account(const Evaluated& evaluated, const Status& stored, RiskRunReport& report);
  void evaluate_batch(const domain::EvaluationBatch& batch, const ClosedStatuses& closed,
                      RiskRunReport& report);

  domain::DataStore& store_;
  const Clock& clock_;
  const RiskEngine engine_;
  qc::JobClaims claims_;  // see QcService
};

}  // namespace gep::risk

#pragma once
#include "domain/evaluations.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlEvaluationInputRepository final : public domain::EvaluationInputRepository {
 public:
  explicit SqlEvaluationInputRepository(ConnectionSource& source) : source_(source) {}

  Result<domain::EvaluationBatch> next_batch(int64_t after_job_id, int64_t limit) override;
  Result<domain::EvaluationBatch> for_jobs(std::span<const int64_t> job_ids) override;
  Result<std::vector<int64_t>> changed_job_ids(int64_t since) override;
  Result<int64_t> count_active_jobs() override;

 private:
  ConnectionSource& source_;
};

}  // namespace gep::store

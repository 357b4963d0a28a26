#pragma once
#include "domain/evaluations.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlRiskSnapshotRepository final : public domain::RiskSnapshotRepository {
 public:
  explicit SqlRiskSnapshotRepository(ConnectionSource& source) : source_(source) {}

  Status append(std::span<const domain::RiskSnapshotRecord> snapshots) override;
  Status refresh(std::span<const domain::RiskRefresh> refreshes, int64_t evaluated_at) override;
  Result<std::optional<domain::RiskSnapshotRecord>> latest(int64_t job_id) override;
  Result<std::vector<domain::RiskSnapshotRecord>> latest_for_jobs(
      std::span<const int64_t> job_ids) override;
  Result<std::vector<domain::RiskSnapshotRecord>> latest_levels_for_jobs(
      std::span<const int64_t> job_ids) override;
  Result<std::vector<domain::RiskSnapshotRecord>> history(int64_t job_id, int64_t limit) override;
  Result<domain::Page<domain::RiskSnapshotRecord>> list_latest(
      const domain::RiskListQuery& query) override;

 private:
  ConnectionSource& source_;
};

}  // namespace gep::store

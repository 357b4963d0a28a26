#pragma once
#include "domain/evaluations.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlQcCheckRepository final : public domain::QcCheckRepository {
 public:
  explicit SqlQcCheckRepository(ConnectionSource& source) : source_(source) {}

  Status append(std::span<const domain::QcCheck> checks) override;
  Status touch(std::span<const int64_t> check_ids, int64_t checked_at) override;
  Result<std::optional<domain::QcCheck>> latest(int64_t job_id) override;
  Result<std::vector<domain::QcCheck>> latest_for_jobs(std::span<const int64_t> job_ids) override;
  Result<std::vector<domain::QcCheck>> latest_statuses_for_jobs(
      std::span<const int64_t> job_ids) override;
  Result<std::vector<domain::QcCheck>> history(int64_t job_id, int64_t limit) override;
  Result<domain::Page<domain::QcOverviewItem>> overview(
      const domain::QcOverviewQuery& query) override;
  Result<int64_t> mark_note_delivered(int64_t outbox_id, int64_t delivered_at) override;

 private:
  ConnectionSource& source_;
};

}  // namespace gep::store

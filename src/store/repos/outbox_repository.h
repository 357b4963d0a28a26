#pragma once
#include "domain/outbox.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlOutboxRepository final : public domain::OutboxRepository {
 public:
  explicit SqlOutboxRepository(ConnectionSource& source) : source_(source) {}

  Result<domain::OutboxItem> enqueue(const domain::OutboxItem& item) override;
  Result<std::optional<domain::OutboxItem>> find(int64_t id) override;
  Result<domain::Page<domain::OutboxItem>> list(const domain::OutboxQuery& query) override;
  Result<std::vector<domain::OutboxItem>> claim_due(std::string_view worker, int64_t now,
                                                    int64_t lease_until, int limit) override;
  Result<bool> renew_lease(int64_t id, std::string_view worker, int64_t lease_until) override;
  Result<bool> finish(int64_t id, std::string_view worker, const domain::OutboxOutcome& outcome,
                      int64_t now) override;
  Result<bool> release(int64_t id, std::string_view worker, int64_t now) override;
  Result<bool> retry_dead(int64_t id, int64_t now) override;
  Result<bool> cancel_pending(int64_t id, std::string_view reason, int64_t now) override;
  Result<std::vector<domain::OutboxItem>> pending_for_jobs(
      domain::OutboxKind kind, std::span<const std::string> jnids) override;
  Result<std::vector<std::string>> delivered_result_ids(std::string_view job_jnid,
                                                        domain::OutboxKind kind) override;

 private:
  // Runs one UPDATE that changes at most the row `id`; answers whether it did.
  // `listed`: the change shows in outbox answers, so it moves the outbox's change counter.
  Result<bool> update_one(std::string_view sql, std::vector<sql::Value> params, bool listed = true);

  ConnectionSource& source_;
};

}  // namespace gep::store

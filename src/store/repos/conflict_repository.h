#pragma once
#include "domain/outbox.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlConflictRepository final : public domain::ConflictRepository {
 public:
  explicit SqlConflictRepository(ConnectionSource& source) : source_(source) {}

  Result<domain::Conflict> record(const domain::Conflict& conflict) override;
  Result<std::optional<domain::Conflict>> find(int64_t id) override;
  Result<domain::Page<domain::Conflict>> list(std::optional<domain::ConflictStatus> status,
                                              int64_t limit, int64_t offset) override;
  Result<bool> exists_for_outbox(int64_t outbox_id) override;
  Result<bool> resolve(int64_t id, domain::ConflictSide keep, std::string_view resolved_by,
                       int64_t now) override;

 private:
  ConnectionSource& source_;
};

}  // namespace gep::store

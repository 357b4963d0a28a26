#pragma once
#include "domain/repositories.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlSyncLogRepository final : public domain::SyncLogRepository {
 public:
  explicit SqlSyncLogRepository(ConnectionSource& source) : source_(source) {}

  Result<int64_t> append(const domain::SyncLog& log) override;
  Result<domain::Page<domain::SyncLog>> list(const domain::SyncLogQuery& query) override;
  Result<std::optional<domain::SyncLog>> latest() override;
  Result<std::optional<domain::SyncLog>> latest_for_entity(std::string_view entity) override;

 private:
  Result<std::optional<domain::SyncLog>> first_where(std::string_view condition,
                                                     std::vector<sql::Value> params);
  ConnectionSource& source_;
};

}  // namespace gep::store

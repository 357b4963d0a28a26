#pragma once
#include "domain/repositories.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlSyncStateRepository final : public domain::SyncStateRepository {
 public:
  explicit SqlSyncStateRepository(ConnectionSource& source) : source_(source) {}

  Result<std::optional<domain::SyncCursor>> get(std::string_view entity) override;
  Status put(const domain::SyncCursor& cursor) override;
  Result<std::vector<domain::SyncCursor>> list() override;

 private:
  ConnectionSource& source_;
};

}  // namespace gep::store

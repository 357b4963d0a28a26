#pragma once
// Staff overrides of the portal's sharing rule per file (files.portal_shareable; the sync never
// writes that column).
#include <memory>

#include "portal/portal_store.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class Database;

class SqlFileShareRepository final : public portal::FileShareRepository {
 public:
  explicit SqlFileShareRepository(std::unique_ptr<ConnectionSource> owned)
      : owned_(std::move(owned)), source_(*owned_) {}

  Result<std::map<std::string, bool>> overrides_for_job(std::string_view job_jnid) override;
  Result<bool> set_override(std::string_view file_jnid, std::optional<bool> shared) override;

 private:
  std::unique_ptr<ConnectionSource> owned_;
  ConnectionSource& source_;
};

std::unique_ptr<portal::FileShareRepository> make_file_share_repository(Database& database);

}  // namespace gep::store

#pragma once
// Staff sessions (table sessions) for src/auth; ids are SHA-256 hashes of the cookies' tokens.
#include <memory>

#include "auth/auth_store.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class Database;

class SqlSessionRepository final : public auth::SessionRepository {
 public:
  explicit SqlSessionRepository(std::unique_ptr<ConnectionSource> source)
      : source_(std::move(source)) {}

  Status create(const auth::StoredSession& session) override;
  Result<std::optional<auth::StoredSession>> find(const std::string& id) override;
  Status touch(const std::string& id, int64_t last_seen_at, int64_t idle_expires_at) override;
  Status revoke(const std::string& id, int64_t at) override;
  Result<int64_t> revoke_all_for_user(int64_t user_id, int64_t at) override;
  Result<int64_t> delete_ended_before(int64_t before) override;

 private:
  Result<int64_t> change(const std::string& sql, std::vector<sql::Value> values);

  std::unique_ptr<ConnectionSource> source_;
};

std::unique_ptr<auth::SessionRepository> make_session_repository(Database& database);

}  // namespace gep::store

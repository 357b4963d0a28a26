#pragma once
// Internal users (table users) for src/auth. Outside domain::Repositories: the composition root
// builds it over the Database's pool with make_user_repository.
#include <initializer_list>
#include <memory>

#include "auth/auth_store.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class Database;

class SqlUserRepository final : public auth::UserRepository {
 public:
  explicit SqlUserRepository(std::unique_ptr<ConnectionSource> source)
      : source_(std::move(source)) {}

  Result<auth::User> create(const auth::NewUser& user, int64_t now) override;
  Result<std::optional<auth::User>> find_by_username(const std::string& username) override;
  Result<std::optional<auth::User>> find_by_id(int64_t id) override;
  Result<std::vector<auth::User>> list() override;
  Result<int64_t> count() override;
  Status set_disabled(int64_t id, bool disabled, int64_t now) override;
  Status set_password_hash(int64_t id, const std::string& hash, int64_t now) override;
  Status set_locked_until(int64_t id, std::optional<int64_t> until, int64_t now) override;
  Status record_login(int64_t id, int64_t now) override;

 private:
  Result<std::optional<auth::User>> find_where(const char* condition, sql::Value value);
  Status update_one(int64_t id, const std::string& assignments,
                    std::initializer_list<sql::Value> values);

  std::unique_ptr<ConnectionSource> source_;
};

// Over `database`'s pool and clock; `database` must outlive it.
std::unique_ptr<auth::UserRepository> make_user_repository(Database& database);

}  // namespace gep::store

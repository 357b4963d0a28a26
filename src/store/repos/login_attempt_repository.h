#pragma once
// Sign-in attempts (table login_attempts) for src/auth's throttle.
#include <memory>

#include "auth/auth_store.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class Database;

class SqlLoginAttemptRepository final : public auth::LoginAttemptRepository {
 public:
  explicit SqlLoginAttemptRepository(std::unique_ptr<ConnectionSource> source)
      : source_(std::move(source)) {}

  Status record(const std::string& username, const std::string& ip, bool succeeded,
                int64_t at) override;
  Result<std::vector<int64_t>> failures_for_username(const std::string& username, int64_t since,
                                                     int64_t limit) override;
  Result<std::vector<int64_t>> failures_for_ip(const std::string& ip, int64_t since,
                                               int64_t limit) override;
  Result<int64_t> delete_before(int64_t before) override;

 private:
  Result<std::vector<int64_t>> times(const std::string& sql, std::vector<sql::Value> values);

  std::unique_ptr<ConnectionSource> source_;
};

std::unique_ptr<auth::LoginAttemptRepository> make_login_attempt_repository(Database& database);

}  // namespace gep::store

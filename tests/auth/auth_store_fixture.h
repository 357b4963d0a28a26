#pragma once
// The three auth repositories over the test database, on SQLite and on PostgreSQL.
#include <memory>

#include "auth/auth_store.h"
#include "store/repos/login_attempt_repository.h"
#include "store/repos/session_repository.h"
#include "store/repos/user_repository.h"
#include "store/store_fixture.h"

namespace gep::test {

class AuthStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    users_ = store::make_user_repository(db());
    sessions_ = store::make_session_repository(db());
    attempts_ = store::make_login_attempt_repository(db());
  }

  std::unique_ptr<auth::UserRepository> users_;
  std::unique_ptr<auth::SessionRepository> sessions_;
  std::unique_ptr<auth::LoginAttemptRepository> attempts_;
};

}  // namespace gep::test

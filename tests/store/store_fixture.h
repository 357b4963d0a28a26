#pragma once
// The parameterized fixture every storage test uses: the same test body runs on SQLite and on
// PostgreSQL, each on a fresh migrated database.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>

#include "core/clock.h"
#include "store/database.h"
#include "store/test_database.h"

namespace gep::test {

inline void PrintTo(Backend backend, std::ostream* out) {
  *out << backend_label(backend);
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::postgres && !postgres_test_url()) {
      if (postgres_skip_allowed()) GTEST_SKIP() << "PostgreSQL skipped: GEP_ALLOW_SKIP_POSTGRES=1";
      FAIL() << "GEP_TEST_DATABASE_URL is not set, so the PostgreSQL storage tests cannot run. "
                "Start a cluster: scripts/pg-test-cluster.sh start && export "
                "\"$(scripts/pg-test-cluster.sh env)\" (or set GEP_ALLOW_SKIP_POSTGRES=1 to skip)";
    }
    auto created = TestDatabase::create(GetParam());
    ASSERT_TRUE(created) << created.error().message;
    test_database_ = std::move(created).value();
    auto opened = test_database_->open(&clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    db_ = std::move(opened).value();
    if (migrate_in_setup_) {
      const auto migrated = db_->migrate();
      ASSERT_TRUE(migrated) << migrated.error().message;
    }
  }

  void TearDown() override {
    db_.reset();
    test_database_.reset();
  }

  store::Database& db() { return *db_; }

  ManualClock clock_;
  bool migrate_in_setup_ = true;
  std::unique_ptr<TestDatabase> test_database_;
  std::unique_ptr<store::Database> db_;
};

inline std::string backend_test_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::postgres ? "PostgreSQL" : "SQLite";
}

}  // namespace gep::test

#define GEP_INSTANTIATE_FOR_BOTH_BACKENDS(Suite)                                       \
  INSTANTIATE_TEST_SUITE_P(                                                            \
      Backends, Suite,                                                                 \
      ::testing::Values(::gep::test::Backend::sqlite, ::gep::test::Backend::postgres), \
      ::gep::test::backend_test_name)

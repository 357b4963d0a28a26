#pragma once
// A fresh, empty database per test on either backend: a temp SQLite file, or a private schema in
// the PostgreSQL database of GEP_TEST_DATABASE_URL (so tests may run in parallel). Without that
// variable PostgreSQL tests fail, unless GEP_ALLOW_SKIP_POSTGRES=1 lets them skip.
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace gep::test {

enum class Backend { sqlite, postgres };

std::string backend_label(Backend backend);

// GEP_TEST_DATABASE_URL, when set.
std::optional<std::string> postgres_test_url();
bool postgres_skip_allowed();

class TestDatabase {
 public:
  static Result<std::unique_ptr<TestDatabase>> create(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Options that open this database (another Database on the same data, for instance).
  store::DatabaseOptions options(const Clock* clock = nullptr, int pool_size = 4) const;
  Result<std::unique_ptr<store::Database>> open(const Clock* clock = nullptr,
                                                int pool_size = 4) const;

 private:
  TestDatabase(Backend backend, std::string location, std::string cleanup);

  Backend backend_;
  std::string location_;  // SQLite file, or PostgreSQL URL with the private search_path
  std::string cleanup_;   // SQLite temp dir, or PostgreSQL schema name
};

}  // namespace gep::test

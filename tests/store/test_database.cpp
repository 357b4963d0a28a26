#include "store/test_database.h"

#include <cstdlib>
#include <filesystem>

#include "core/secrets.h"
#include "store/postgres/pg_connection.h"

namespace gep::test {

std::string backend_label(Backend backend) {
  return backend == Backend::postgres ? "PostgreSQL" : "SQLite";
}

std::optional<std::string> postgres_test_url() {
  const char* url = std::getenv("GEP_TEST_DATABASE_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

bool postgres_skip_allowed() {
  const char* allowed = std::getenv("GEP_ALLOW_SKIP_POSTGRES");
  return allowed != nullptr && std::string(allowed) == "1";
}

TestDatabase::TestDatabase(Backend backend, std::string location, std::string cleanup)
    : backend_(backend), location_(std::move(location)), cleanup_(std::move(cleanup)) {}

Result<std::unique_ptr<TestDatabase>> TestDatabase::create(Backend backend) {
  const std::string name = "gep_t_" + random_hex(8);
  if (backend == Backend::sqlite) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    // The database sits one directory down: opening it must create that directory.
    const std::string file = (dir / "data" / "gep.db").string();
    return std::unique_ptr<TestDatabase>(new TestDatabase(backend, file, dir.string()));
  }
  const auto url = postgres_test_url();
  if (!url) return fail("config", "GEP_TEST_DATABASE_URL is not set");
  auto admin = store::postgres::PgConnection::connect(*url, {});
  if (!admin) return fail(admin.error());
  // `name` is hex from our own generator: safe as an identifier (identifiers cannot be bound).
  if (const Status created = (*admin)->execute_script("CREATE SCHEMA " + name); !created) {
    return fail(created.error());
  }
  const std::string separator = url->find('?') == std::string::npos ? "?" : "&";
  return std::unique_ptr<TestDatabase>(
      new TestDatabase(backend, *url + separator + "options=-csearch_path%3D" + name, name));
}

TestDatabase::~TestDatabase() {
  if (backend_ == Backend::sqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(cleanup_, ignored);
    return;
  }
  if (auto admin = store::postgres::PgConnection::connect(*postgres_test_url(), {})) {
    (void)(*admin)->execute_script("SET client_min_messages = warning; DROP SCHEMA IF EXISTS " +
                                   cleanup_ + " CASCADE");
  }
}

store::DatabaseOptions TestDatabase::options(const Clock* clock, int pool_size) const {
  store::DatabaseOptions options;
  options.kind = backend_ == Backend::postgres ? DatabaseKind::postgres : DatabaseKind::sqlite;
  (backend_ == Backend::postgres ? options.postgres_url : options.sqlite_path) = location_;
  options.pool_size = pool_size;
  options.clock = clock;
  return options;
}

Result<std::unique_ptr<store::Database>> TestDatabase::open(const Clock* clock,
                                                            int pool_size) const {
  return store::open_database(options(clock, pool_size));
}

}  // namespace gep::test

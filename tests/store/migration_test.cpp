#include <thread>

#include "store/fixture_helpers.h"
#include "store/migrations/migration.h"
#include "store/migrations/migrator.h"
#include "store/store_fixture.h"

namespace gep::test {
namespace {

class MigrationTest : public StoreTest {
 protected:
  MigrationTest() { migrate_in_setup_ = false; }
};

TEST_P(MigrationTest, FirstRunAppliesEverythingAndSecondRunIsANoOp) {
  EXPECT_EQ(db().schema_version(), 0);

  const auto first = db().migrate();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, store::Database::latest_schema_version());
  EXPECT_EQ(first->applied.size(), static_cast<size_t>(store::Database::latest_schema_version()));

  const auto second = db().migrate();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->from_version, store::Database::latest_schema_version());
  EXPECT_EQ(second->to_version, store::Database::latest_schema_version());
  EXPECT_EQ(db().schema_version(), store::Database::latest_schema_version());
}

TEST_P(MigrationTest, MigrationThreeKeepsTheLinksOfADatabaseAtVersionTwo) {
  {
    // A database as version 2 left it, with contact links stored.
    auto lease = db().pool().acquire();
    ASSERT_TRUE(lease);
    auto& connection = **lease;
    const auto dialect = connection.dialect();
    for (const auto& migration : store::migrations::all_migrations().first(2)) {
      ASSERT_TRUE(connection.execute_script(migration.sql_for(dialect)));
    }
    ASSERT_TRUE(connection.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at BIGINT NOT NULL)"));
    for (const int version : {1, 2}) {
      ASSERT_TRUE(connection.execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
          {sql_int(version), sql_text("before"), sql_int(1)}));
    }
    ASSERT_TRUE(connection.execute(
        "INSERT INTO job_contacts (job_jnid, contact_jnid, is_primary) VALUES (?, ?, ?), "
        "(?, ?, ?)",
        {sql_text("job1"), sql_text("con1"), store::sql::boolean_value(true), sql_text("job1"),
         sql_text("con2"), store::sql::boolean_value(false)}));
  }
  const auto upgraded = db().migrate();
  ASSERT_TRUE(upgraded) << upgraded.error().message;
  EXPECT_EQ(upgraded->from_version, 2);
  EXPECT_EQ(upgraded->to_version, store::Database::latest_schema_version());
  const auto links = db().job_contacts().list_for_job("job1");
  ASSERT_TRUE(links) << links.error().message;
  ASSERT_EQ(links->size(), 2U);
  EXPECT_EQ(links->front().contact_jnid, "con1");
  EXPECT_TRUE(links->front().is_primary);
  EXPECT_EQ(db().job_contacts().list_for_contact("con2")->size(), 1U);
}

TEST_P(MigrationTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(db().migrate());
  {
    auto lease = db().pool().acquire();
    ASSERT_TRUE(lease);
    ASSERT_TRUE((*lease)->execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        {sql_int(store::Database::latest_schema_version() + 1), sql_text("from the future"),
         sql_int(1)}));
  }
  const auto refused = db().migrate();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, store::migrations::kSchemaTooNew);
  EXPECT_EQ(refused.error().message,
            "database schema version " +
                std::to_string(store::Database::latest_schema_version() + 1) +
                " is newer than this gep (knows up to " +
                std::to_string(store::Database::latest_schema_version()) + "); upgrade gep");
}

TEST_P(MigrationTest, TwoInstancesMigratingTogetherApplyEachMigrationOnce) {
  auto other = test_database_->open(&clock_);
  ASSERT_TRUE(other) << other.error().message;
  Result<store::MigrationReport> first = fail("unset", "");
  Result<store::MigrationReport> second = fail("unset", "");
  {
    std::jthread a([&] { first = db().migrate(); });
    std::jthread b([&] { second = (*other)->migrate(); });
  }
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(first->applied.size() + second->applied.size(),
            static_cast<size_t>(store::Database::latest_schema_version()));
  EXPECT_EQ(db().schema_version(), store::Database::latest_schema_version());
}

TEST_P(MigrationTest, PingAnswersAndNamesTheBackend) {
  EXPECT_TRUE(db().ping());
  EXPECT_EQ(db().backend_name(), GetParam() == Backend::postgres ? "postgres" : "sqlite");
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(MigrationTest);

}  // namespace
}  // namespace gep::test

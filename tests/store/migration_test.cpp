#include <thread>

#include "store/fixture_helpers.h"
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

TEST_P(MigrationTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(db().migrate());
  {
    auto lease = db().pool().acquire();
    ASSERT_TRUE(lease);
    ASSERT_TRUE((*lease)->execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        {sql_int(7), sql_text("from the future"), sql_int(1)}));
  }
  const auto refused = db().migrate();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, store::migrations::kSchemaTooNew);
  EXPECT_EQ(refused.error().message,
            "database schema version 7 is newer than this gep (knows up to " +
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

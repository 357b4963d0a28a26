#pragma once
// Applies the embedded migrations, each in its own transaction, recording them in
// schema_migrations. Running it again is a no-op; a database migrated by a newer gep is refused.
// On PostgreSQL a session advisory lock serializes instances that start together.
#include <cstdint>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/sql/connection.h"

namespace gep::store::migrations {

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;  // versions this run applied, in order
};

// Error code of a database whose schema is newer than this binary knows.
inline constexpr std::string_view kSchemaTooNew = "schema_too_new";

Result<MigrationReport> migrate(sql::Connection& connection, const Clock& clock);
// The highest applied version; 0 for an empty database.
Result<int> current_version(sql::Connection& connection);

}  // namespace gep::store::migrations

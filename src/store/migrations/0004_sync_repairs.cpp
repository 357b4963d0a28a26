#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 4: a pull also fetches by id the records its listing missed (sync/reconcile.h), and
// its log says how many.
const std::string_view kSyncRepairsSqlite = R"sql(
ALTER TABLE sync_logs ADD COLUMN repaired INTEGER NOT NULL DEFAULT 0;
)sql";

const std::string_view kSyncRepairsPostgres = R"sql(
ALTER TABLE sync_logs ADD COLUMN repaired BIGINT NOT NULL DEFAULT 0;
)sql";

}  // namespace gep::store::migrations

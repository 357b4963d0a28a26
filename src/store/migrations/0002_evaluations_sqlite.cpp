#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 2, SQLite: QC checks and risk snapshots keep one row per distinct result (see
// domain/evaluations.h), so each row records when it was last confirmed; risk snapshots keep the
// job's status at evaluation time (its reasons talk about it).
const std::string_view kEvaluationsSqlite = R"sql(
ALTER TABLE qc_checks ADD COLUMN last_checked_at BIGINT;
ALTER TABLE risk_snapshots ADD COLUMN last_evaluated_at BIGINT;
ALTER TABLE risk_snapshots ADD COLUMN status_name TEXT NOT NULL DEFAULT '';
CREATE INDEX qc_checks_outbox_idx ON qc_checks (outbox_id) WHERE outbox_id IS NOT NULL;
-- After a sync, the jobs whose files or activities changed are re-evaluated.
CREATE INDEX files_updated_at_idx ON files (updated_at);
CREATE INDEX activities_updated_at_idx ON activities (updated_at);
)sql";

}  // namespace gep::store::migrations

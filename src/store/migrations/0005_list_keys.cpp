#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 5: lists that stay fast at a million jobs.
// - change_counters: a row per table whose writes move a listing's totals; the store caches
//   exact totals per filter until a counter moves (store/repos/list_totals.h).
// - Risk sort keys as stored columns served by partial indexes of the latest snapshots, so no
//   list sorts at query time and a keyset cursor seeks instead of counting rows:
//     level_order           = rank * 2^32 + last_evaluated_at            (riskLevel, descending)
//     level_order_ascending = rank * 2^32 + (2^32 - 1 - last_evaluated_at) (riskLevel, ascending)
//   where rank is HIGH 2, MEDIUM 1, LOW 0. Both orders keep "most recently evaluated first"
//   inside a level, as before; a level filter is a range of either key. The reason codes ride
//   in these indexes, so a reason filter is tested on the index entry, not the row.
// - risk_snapshot_reasons: the latest snapshots' reasons with those keys, so a reason filter in
//   the level and evaluation orders seeks its own index (store/repos/risk_reason_index.h).
// - Job name and number indexes for the risk list's jobName and jobNumber sorts, and the job
//   listing's order behind a status (replacing the status-only index it starts with).
const std::string_view kListKeysSqlite = R"sql(
CREATE TABLE change_counters (
  table_name TEXT PRIMARY KEY,
  generation INTEGER NOT NULL
);
UPDATE risk_snapshots SET last_evaluated_at = evaluated_at WHERE last_evaluated_at IS NULL;
ALTER TABLE risk_snapshots ADD COLUMN level_order INTEGER NOT NULL DEFAULT 0;
ALTER TABLE risk_snapshots ADD COLUMN level_order_ascending INTEGER NOT NULL DEFAULT 0;
UPDATE risk_snapshots SET
  level_order = (CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END) * 4294967296
                + last_evaluated_at,
  level_order_ascending = (CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END)
                          * 4294967296 + (4294967295 - last_evaluated_at);
CREATE INDEX risk_latest_level_order_idx ON risk_snapshots (level_order, job_id, reason_codes)
  WHERE is_latest = 1;
CREATE INDEX risk_latest_level_order_ascending_idx
  ON risk_snapshots (level_order_ascending, job_id, reason_codes) WHERE is_latest = 1;
CREATE INDEX risk_latest_evaluated_idx ON risk_snapshots (last_evaluated_at, job_id, reason_codes)
  WHERE is_latest = 1;
CREATE INDEX jobs_name_idx ON jobs (name, id);
CREATE INDEX jobs_number_idx ON jobs (number, id);
CREATE INDEX jobs_status_listing_idx ON jobs (status_name, jn_date_updated DESC, id DESC);
DROP INDEX jobs_status_name_idx;
CREATE TABLE risk_snapshot_reasons (
  snapshot_id INTEGER NOT NULL,
  job_id INTEGER NOT NULL,
  reason_code TEXT NOT NULL,
  level_order INTEGER NOT NULL,
  level_order_ascending INTEGER NOT NULL,
  last_evaluated_at INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, reason_code)
);
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'STUCK_IN_STATUS', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest = 1 AND reason_codes LIKE '%,STUCK_IN_STATUS,%';
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'STALE_JOB', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest = 1 AND reason_codes LIKE '%,STALE_JOB,%';
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'MISSING_QC_PHOTOS', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest = 1 AND reason_codes LIKE '%,MISSING_QC_PHOTOS,%';
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'MISSING_DOCUMENTS', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest = 1 AND reason_codes LIKE '%,MISSING_DOCUMENTS,%';
CREATE INDEX risk_reasons_level_order_idx ON risk_snapshot_reasons (reason_code, level_order, job_id);
CREATE INDEX risk_reasons_level_order_ascending_idx
  ON risk_snapshot_reasons (reason_code, level_order_ascending, job_id);
CREATE INDEX risk_reasons_evaluated_idx
  ON risk_snapshot_reasons (reason_code, last_evaluated_at, job_id);
CREATE INDEX risk_reasons_job_idx ON risk_snapshot_reasons (job_id);
)sql";

const std::string_view kListKeysPostgres = R"sql(
CREATE TABLE change_counters (
  table_name TEXT PRIMARY KEY,
  generation BIGINT NOT NULL
);
UPDATE risk_snapshots SET last_evaluated_at = evaluated_at WHERE last_evaluated_at IS NULL;
ALTER TABLE risk_snapshots ADD COLUMN level_order BIGINT NOT NULL DEFAULT 0;
ALTER TABLE risk_snapshots ADD COLUMN level_order_ascending BIGINT NOT NULL DEFAULT 0;
UPDATE risk_snapshots SET
  level_order = (CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END) * 4294967296
                + last_evaluated_at,
  level_order_ascending = (CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END)
                          * 4294967296 + (4294967295 - last_evaluated_at);
CREATE INDEX risk_latest_level_order_idx ON risk_snapshots (level_order, job_id)
  INCLUDE (reason_codes) WHERE is_latest;
CREATE INDEX risk_latest_level_order_ascending_idx ON risk_snapshots (level_order_ascending, job_id)
  INCLUDE (reason_codes) WHERE is_latest;
CREATE INDEX risk_latest_evaluated_idx ON risk_snapshots (last_evaluated_at, job_id)
  INCLUDE (reason_codes) WHERE is_latest;
CREATE INDEX jobs_name_idx ON jobs (name, id);
CREATE INDEX jobs_number_idx ON jobs (number, id);
CREATE INDEX jobs_status_listing_idx ON jobs (status_name, jn_date_updated DESC NULLS LAST, id DESC);
DROP INDEX jobs_status_name_idx;
CREATE TABLE risk_snapshot_reasons (
  snapshot_id BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  reason_code TEXT NOT NULL,
  level_order BIGINT NOT NULL,
  level_order_ascending BIGINT NOT NULL,
  last_evaluated_at BIGINT NOT NULL,
  PRIMARY KEY (snapshot_id, reason_code)
);
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'STUCK_IN_STATUS', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest AND reason_codes LIKE '%,STUCK_IN_STATUS,%';
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'STALE_JOB', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest AND reason_codes LIKE '%,STALE_JOB,%';
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'MISSING_QC_PHOTOS', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest AND reason_codes LIKE '%,MISSING_QC_PHOTOS,%';
INSERT INTO risk_snapshot_reasons (snapshot_id, job_id, reason_code, level_order,
  level_order_ascending, last_evaluated_at)
  SELECT id, job_id, 'MISSING_DOCUMENTS', level_order, level_order_ascending, last_evaluated_at
  FROM risk_snapshots WHERE is_latest AND reason_codes LIKE '%,MISSING_DOCUMENTS,%';
CREATE INDEX risk_reasons_level_order_idx ON risk_snapshot_reasons (reason_code, level_order, job_id);
CREATE INDEX risk_reasons_level_order_ascending_idx
  ON risk_snapshot_reasons (reason_code, level_order_ascending, job_id);
CREATE INDEX risk_reasons_evaluated_idx
  ON risk_snapshot_reasons (reason_code, last_evaluated_at, job_id);
CREATE INDEX risk_reasons_job_idx ON risk_snapshot_reasons (job_id);
)sql";

}  // namespace gep::store::migrations

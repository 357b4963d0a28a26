#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 3: cheaper imports.
// - Both backends: no query reads files by md5 (QC compares a job's photos' md5 in memory) or
//   by JobNimbus's date_updated (the sync cursor lives in sync_state), and every imported file
//   paid for both indexes; md5 is a random key that dirties another page per row.
// - SQLite: job_contacts becomes a WITHOUT ROWID table, clustered on its primary key, so a link
//   is written to one b-tree instead of a table and its key index.
const std::string_view kImportIndexesSqlite = R"sql(
DROP INDEX IF EXISTS files_md5_idx;
DROP INDEX IF EXISTS files_jn_date_updated_idx;
CREATE TABLE job_contacts_clustered (
  job_jnid TEXT NOT NULL,
  contact_jnid TEXT NOT NULL,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  PRIMARY KEY (job_jnid, contact_jnid)
) WITHOUT ROWID;
INSERT INTO job_contacts_clustered (job_jnid, contact_jnid, is_primary)
  SELECT job_jnid, contact_jnid, is_primary FROM job_contacts;
DROP TABLE job_contacts;
ALTER TABLE job_contacts_clustered RENAME TO job_contacts;
CREATE INDEX job_contacts_contact_idx ON job_contacts (contact_jnid);
)sql";

const std::string_view kImportIndexesPostgres = R"sql(
DROP INDEX IF EXISTS files_md5_idx;
DROP INDEX IF EXISTS files_jn_date_updated_idx;
)sql";

}  // namespace gep::store::migrations

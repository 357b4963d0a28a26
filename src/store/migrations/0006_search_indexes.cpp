#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 6: the q= search of the job and contact listings through an index, not a scan.
// - SQLite: a contentless FTS5 table per listing with the trigram tokenizer, holding the
//   search_text of the active rows. Its rowid is the listing order itself,
//   (date_updated or 0) << 32 | id, so "newest matches first" is a walk of the index from the
//   top (ORDER BY rowid DESC), a cursor is a rowid bound, and a common word costs what a rare
//   one does. A phrase of trigrams matches exactly the substrings of three characters or more,
//   folding case (accents included); shorter queries keep the LIKE scan. Triggers keep it
//   exact: a contentless table is told the old text of every row it forgets.
// - PostgreSQL: pg_trgm GIN indexes, which serve ILIKE '%q%' as it is. The extension goes into
//   `public`, so that it outlives any one schema (the tests give each database its own).
const std::string_view kSearchIndexesSqlite = R"sql(
CREATE VIRTUAL TABLE jobs_search USING fts5(search_text, content='', tokenize='trigram');
INSERT INTO jobs_search(rowid, search_text)
  SELECT (COALESCE(jn_date_updated, 0) << 32) | id, search_text FROM jobs WHERE deleted_at IS NULL;
CREATE TRIGGER jobs_search_after_insert AFTER INSERT ON jobs WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO jobs_search(rowid, search_text) VALUES ((COALESCE(new.jn_date_updated, 0) << 32) | new.id, new.search_text);
END;
CREATE TRIGGER jobs_search_after_update AFTER UPDATE OF search_text, jn_date_updated, deleted_at
  ON jobs WHEN old.search_text IS NOT new.search_text
    OR old.jn_date_updated IS NOT new.jn_date_updated OR old.deleted_at IS NOT new.deleted_at
BEGIN
  INSERT INTO jobs_search(jobs_search, rowid, search_text)
    SELECT 'delete', (COALESCE(old.jn_date_updated, 0) << 32) | old.id, old.search_text WHERE old.deleted_at IS NULL;
  INSERT INTO jobs_search(rowid, search_text)
    SELECT (COALESCE(new.jn_date_updated, 0) << 32) | new.id, new.search_text WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER jobs_search_after_delete AFTER DELETE ON jobs WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO jobs_search(jobs_search, rowid, search_text)
    VALUES ('delete', (COALESCE(old.jn_date_updated, 0) << 32) | old.id, old.search_text);
END;
CREATE VIRTUAL TABLE contacts_search USING fts5(search_text, content='', tokenize='trigram');
INSERT INTO contacts_search(rowid, search_text)
  SELECT (COALESCE(jn_date_updated, 0) << 32) | id, search_text FROM contacts WHERE deleted_at IS NULL;
CREATE TRIGGER contacts_search_after_insert AFTER INSERT ON contacts WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO contacts_search(rowid, search_text) VALUES ((COALESCE(new.jn_date_updated, 0) << 32) | new.id, new.search_text);
END;
CREATE TRIGGER contacts_search_after_update AFTER UPDATE OF search_text, jn_date_updated, deleted_at
  ON contacts WHEN old.search_text IS NOT new.search_text
    OR old.jn_date_updated IS NOT new.jn_date_updated OR old.deleted_at IS NOT new.deleted_at
BEGIN
  INSERT INTO contacts_search(contacts_search, rowid, search_text)
    SELECT 'delete', (COALESCE(old.jn_date_updated, 0) << 32) | old.id, old.search_text WHERE old.deleted_at IS NULL;
  INSERT INTO contacts_search(rowid, search_text)
    SELECT (COALESCE(new.jn_date_updated, 0) << 32) | new.id, new.search_text WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER contacts_search_after_delete AFTER DELETE ON contacts WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO contacts_search(contacts_search, rowid, search_text)
    VALUES ('delete', (COALESCE(old.jn_date_updated, 0) << 32) | old.id, old.search_text);
END;
)sql";

const std::string_view kSearchIndexesPostgres = R"sql(
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX jobs_search_trgm_idx ON jobs USING gin (search_text public.gin_trgm_ops);
CREATE INDEX contacts_search_trgm_idx ON contacts USING gin (search_text public.gin_trgm_ops);
)sql";

}  // namespace gep::store::migrations

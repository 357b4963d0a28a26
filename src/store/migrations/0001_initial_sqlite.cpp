#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 1, SQLite: the schema of everything issues 2-6 need, designed up front.
const std::string_view kInitialSqlite = R"sql(
-- Mirrored JobNimbus records. Keyed by jnid; raw_json is the record as received; search_text is
-- the lower-cased text the listing's q= searches; revision counts stored changes (1 = inserted).
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  jnid TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  display_name TEXT NOT NULL DEFAULT '',
  customer_name TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '',
  address_line2 TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  zip TEXT NOT NULL DEFAULT '',
  status_id BIGINT,
  status_name TEXT NOT NULL DEFAULT '',
  date_status_change BIGINT,
  jn_date_created BIGINT,
  jn_date_updated BIGINT,
  sales_rep_id TEXT NOT NULL DEFAULT '',
  sales_rep_name TEXT NOT NULL DEFAULT '',
  record_type_id BIGINT,
  record_type_name TEXT NOT NULL DEFAULT '',
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  raw_json TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  files_synced_at BIGINT,
  revision BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX jobs_listing_idx ON jobs (jn_date_updated DESC, id DESC);
CREATE INDEX jobs_status_name_idx ON jobs (status_name);
CREATE INDEX jobs_date_status_change_idx ON jobs (date_status_change);
CREATE INDEX jobs_updated_at_idx ON jobs (updated_at);
CREATE INDEX jobs_deleted_at_idx ON jobs (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  jnid TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  display_name TEXT NOT NULL DEFAULT '',
  company TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  home_phone TEXT NOT NULL DEFAULT '',
  mobile_phone TEXT NOT NULL DEFAULT '',
  work_phone TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '',
  address_line2 TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  zip TEXT NOT NULL DEFAULT '',
  status_name TEXT NOT NULL DEFAULT '',
  record_type_name TEXT NOT NULL DEFAULT '',
  is_sub_contractor INTEGER NOT NULL DEFAULT 0 CHECK (is_sub_contractor IN (0, 1)),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  jn_date_created BIGINT,
  jn_date_updated BIGINT,
  raw_json TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  revision BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX contacts_listing_idx ON contacts (jn_date_updated DESC, id DESC);
CREATE INDEX contacts_email_idx ON contacts (lower(email));
CREATE INDEX contacts_deleted_at_idx ON contacts (deleted_at) WHERE deleted_at IS NOT NULL;

-- No foreign keys: jobs and contacts sync separately, so either side of a link may arrive first.
CREATE TABLE job_contacts (
  job_jnid TEXT NOT NULL,
  contact_jnid TEXT NOT NULL,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  PRIMARY KEY (job_jnid, contact_jnid)
);
CREATE INDEX job_contacts_contact_idx ON job_contacts (contact_jnid);

-- Attachments: photos (record_type 2) and documents. portal_shareable is a staff override of the
-- portal's default rule (NULL = the default); the sync never writes it.
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  jnid TEXT NOT NULL UNIQUE,
  job_jnid TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'document', 'other')),
  record_type_id BIGINT,
  record_type_name TEXT NOT NULL DEFAULT '',
  caption TEXT NOT NULL DEFAULT '',
  filename TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  size_bytes BIGINT NOT NULL DEFAULT 0,
  md5 TEXT NOT NULL DEFAULT '',
  date_file_created BIGINT,
  jn_date_created BIGINT,
  jn_date_updated BIGINT,
  is_private INTEGER NOT NULL DEFAULT 0 CHECK (is_private IN (0, 1)),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_by_name TEXT NOT NULL DEFAULT '',
  raw_json TEXT NOT NULL,
  portal_shareable INTEGER CHECK (portal_shareable IN (0, 1)),
  revision BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX files_job_idx ON files (job_jnid, kind);
CREATE INDEX files_md5_idx ON files (md5);
CREATE INDEX files_jn_date_updated_idx ON files (jn_date_updated);

-- Notes and system events of a job; status changes give QC and risk the status timeline.
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  jnid TEXT NOT NULL UNIQUE,
  job_jnid TEXT NOT NULL DEFAULT '',
  record_type_name TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  is_status_change INTEGER NOT NULL DEFAULT 0 CHECK (is_status_change IN (0, 1)),
  status_name TEXT NOT NULL DEFAULT '',
  created_by_name TEXT NOT NULL DEFAULT '',
  jn_date_created BIGINT,
  jn_date_updated BIGINT,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  raw_json TEXT NOT NULL,
  revision BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX activities_job_idx ON activities (job_jnid, jn_date_created);
CREATE INDEX activities_jn_date_updated_idx ON activities (jn_date_updated);

-- GET /account/settings: workflows and their statuses. Status ids differ between workflows with
-- the same name, so lookups go by name; is_closed marks closed/lost statuses for risk.
CREATE TABLE workflows (
  id INTEGER PRIMARY KEY,
  jn_workflow_id BIGINT NOT NULL,
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  raw_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (object_type, jn_workflow_id)
);
CREATE TABLE workflow_statuses (
  id INTEGER PRIMARY KEY,
  workflow_id BIGINT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
  jn_status_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  is_lead INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
  is_closed INTEGER NOT NULL DEFAULT 0 CHECK (is_closed IN (0, 1)),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (workflow_id, jn_status_id)
);
CREATE INDEX workflow_statuses_name_idx ON workflow_statuses (name);

-- Sync progress. A cursor row is written in the same transaction as the page it covers.
CREATE TABLE sync_state (
  entity TEXT PRIMARY KEY,
  watermark BIGINT NOT NULL DEFAULT 0,
  last_jnid TEXT NOT NULL DEFAULT '',
  resume_state TEXT NOT NULL DEFAULT '',
  full_completed_at BIGINT,
  updated_at BIGINT NOT NULL
);

-- Runs in progress and done; tick_key makes "one run per scheduler tick" hold across instances.
CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental', 'targeted', 'reconcile')),
  entity TEXT NOT NULL,
  trigger_source TEXT NOT NULL DEFAULT '',
  tick_key TEXT UNIQUE,
  holder TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCESS', 'FAILED', 'PARTIAL')),
  started_at BIGINT NOT NULL,
  heartbeat_at BIGINT NOT NULL,
  finished_at BIGINT,
  sync_log_id BIGINT
);
CREATE INDEX sync_runs_started_idx ON sync_runs (started_at);

-- The spec's JobSyncLog plus run details. No foreign key to jobs: the audit trail outlives rows.
CREATE TABLE sync_logs (
  id INTEGER PRIMARY KEY,
  job_id BIGINT,
  job_jnid TEXT NOT NULL DEFAULT '',
  sync_type TEXT NOT NULL CHECK (sync_type IN ('PULL', 'PUSH')),
  status TEXT NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'PARTIAL')),
  entity TEXT NOT NULL DEFAULT '',
  trigger_source TEXT NOT NULL DEFAULT '',
  records_affected BIGINT NOT NULL DEFAULT 0,
  error_message TEXT NOT NULL DEFAULT '',
  errors_json TEXT NOT NULL DEFAULT '[]',
  fetched BIGINT NOT NULL DEFAULT 0,
  created BIGINT NOT NULL DEFAULT 0,
  updated BIGINT NOT NULL DEFAULT 0,
  unchanged BIGINT NOT NULL DEFAULT 0,
  deleted BIGINT NOT NULL DEFAULT 0,
  failed BIGINT NOT NULL DEFAULT 0,
  started_at BIGINT,
  duration_ms BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX sync_logs_created_idx ON sync_logs (created_at, id);
CREATE INDEX sync_logs_entity_idx ON sync_logs (entity, created_at, id);
CREATE INDEX sync_logs_job_idx ON sync_logs (job_id);

-- QCPhotoCheck history. is_latest marks the job's current result (at most one per job).
CREATE TABLE qc_checks (
  id INTEGER PRIMARY KEY,
  job_id BIGINT NOT NULL REFERENCES jobs (id),
  status TEXT NOT NULL CHECK (status IN ('PASS', 'FAIL', 'NOT_CHECKED')),
  status_reason TEXT NOT NULL DEFAULT '',
  before_count INTEGER NOT NULL DEFAULT 0,
  during_count INTEGER NOT NULL DEFAULT 0,
  after_count INTEGER NOT NULL DEFAULT 0,
  uncategorized_count INTEGER NOT NULL DEFAULT 0,
  requirements_json TEXT NOT NULL DEFAULT '{}',
  missing_json TEXT NOT NULL DEFAULT '[]',
  photos_json TEXT NOT NULL DEFAULT '[]',
  flags_json TEXT NOT NULL DEFAULT '[]',
  result_changed INTEGER NOT NULL DEFAULT 0 CHECK (result_changed IN (0, 1)),
  outbox_id BIGINT,
  jobnimbus_synced_at BIGINT,
  is_latest INTEGER NOT NULL DEFAULT 1 CHECK (is_latest IN (0, 1)),
  checked_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX qc_checks_latest_idx ON qc_checks (job_id) WHERE is_latest = 1;
CREATE INDEX qc_checks_job_idx ON qc_checks (job_id, checked_at, id);
CREATE INDEX qc_checks_status_idx ON qc_checks (status) WHERE is_latest = 1;

-- JobRiskSnapshot history; reason_codes (",STALE_JOB,STUCK_IN_STATUS,") serves the reason filter.
CREATE TABLE risk_snapshots (
  id INTEGER PRIMARY KEY,
  job_id BIGINT NOT NULL REFERENCES jobs (id),
  risk_level TEXT NOT NULL CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH')),
  reasons_json TEXT NOT NULL DEFAULT '[]',
  actions_json TEXT NOT NULL DEFAULT '[]',
  reason_codes TEXT NOT NULL DEFAULT '',
  is_latest INTEGER NOT NULL DEFAULT 1 CHECK (is_latest IN (0, 1)),
  evaluated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX risk_snapshots_latest_idx ON risk_snapshots (job_id) WHERE is_latest = 1;
CREATE INDEX risk_snapshots_job_idx ON risk_snapshots (job_id, evaluated_at, id);
CREATE INDEX risk_snapshots_level_idx ON risk_snapshots (risk_level) WHERE is_latest = 1;

-- Write-back outbox, filled in the same transaction as the change that causes it. A worker
-- claims due rows (locked_by/locked_until; FOR UPDATE SKIP LOCKED on PostgreSQL); outcome_unknown
-- means the last POST may have reached JobNimbus, so the worker looks before it retries.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  job_id BIGINT REFERENCES jobs (id),
  job_jnid TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'task', 'status', 'attachment')),
  payload_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 8,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  outcome_unknown INTEGER NOT NULL DEFAULT 0 CHECK (outcome_unknown IN (0, 1)),
  locked_by TEXT,
  locked_until BIGINT,
  jobnimbus_result_id TEXT,
  dedup_key TEXT UNIQUE,
  source TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  delivered_at BIGINT
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
CREATE INDEX outbox_job_idx ON outbox (job_id);

-- Webhook deliveries: stored before the 202, de-duplicated by dedup_key (webhook-id header or a
-- hash of the body). The payload is a hint for a targeted re-fetch, never data.
CREATE TABLE webhook_events (
  id INTEGER PRIMARY KEY,
  dedup_key TEXT NOT NULL UNIQUE,
  entity_type TEXT NOT NULL DEFAULT '',
  jnid TEXT NOT NULL DEFAULT '',
  payload_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'processing', 'processed', 'failed', 'ignored')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  received_at BIGINT NOT NULL,
  processed_at BIGINT
);
CREATE INDEX webhook_events_pending_idx ON webhook_events (status, received_at);

-- A job changed both here (not yet delivered) and in JobNimbus, under SYNC_CONFLICT_POLICY=manual.
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  job_id BIGINT REFERENCES jobs (id),
  job_jnid TEXT NOT NULL,
  entity TEXT NOT NULL DEFAULT 'job',
  field TEXT NOT NULL,
  local_value TEXT NOT NULL DEFAULT '',
  remote_value TEXT NOT NULL DEFAULT '',
  local_changed_at BIGINT,
  remote_changed_at BIGINT,
  outbox_id BIGINT REFERENCES outbox (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution TEXT CHECK (resolution IN ('local', 'remote')),
  resolved_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  resolved_at BIGINT
);
CREATE INDEX conflicts_status_idx ON conflicts (status, created_at);
CREATE INDEX conflicts_job_idx ON conflicts (job_id);

-- Staff accounts. username is stored lower-case; password_hash is an Argon2id encoded string.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  locked_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  last_login_at BIGINT
);

-- Server-side sessions. The id is a SHA-256 of the cookie's token: a copy of the database opens
-- no session.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  idle_expires_at BIGINT NOT NULL,
  absolute_expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (absolute_expires_at);

-- Every login try, for slowing down and locking out per account and per address.
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
  attempted_at BIGINT NOT NULL
);
CREATE INDEX login_attempts_user_idx ON login_attempts (username, attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);

-- Customer portal. Links are single use (used_at set atomically on redemption); tokens are
-- stored as SHA-256 hashes only.
CREATE TABLE portal_magic_links (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  contact_jnid TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX portal_magic_links_contact_idx ON portal_magic_links (contact_jnid);
CREATE TABLE portal_sessions (
  id TEXT PRIMARY KEY,
  contact_jnid TEXT NOT NULL,
  magic_link_id BIGINT REFERENCES portal_magic_links (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  idle_expires_at BIGINT NOT NULL,
  absolute_expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX portal_sessions_contact_idx ON portal_sessions (contact_jnid);
)sql";

}  // namespace gep::store::migrations

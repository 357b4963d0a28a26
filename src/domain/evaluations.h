#pragma once
// What the QC and risk services keep: QC checks (QCPhotoCheck history), risk snapshots
// (JobRiskSnapshot history), the account's workflow statuses (is_closed), and the slim bulk read
// of the mirror that evaluate-all streams over. Plain data and interfaces: the engines' types
// stay in qc/ and risk/, so these records speak strings ("PASS", "HIGH") and JSON text.
//
// History rule (both tables): a new row is written only when the result changed; an evaluation
// that confirms the latest result refreshes that row's `last_*_at` instead. History therefore
// lists distinct results with when each was first and last seen, and a daily evaluate-all of
// 100,000 unchanged jobs writes no new rows.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/paging.h"
#include "domain/records.h"

namespace gep::domain {

struct QcCheck {
  int64_t id = 0;
  int64_t job_id = 0;
  std::string status;         // "PASS" | "FAIL" | "NOT_CHECKED"
  std::string status_reason;  // why NOT_CHECKED; empty otherwise
  int before_count = 0;
  int during_count = 0;
  int after_count = 0;
  int uncategorized_count = 0;
  // {"stage", "required": {BEFORE, DURING, AFTER}, "duplicatesIgnored", "summary"}
  std::string requirements_json = "{}";
  std::string missing_json = "[]";   // [{category, required, current, missing}]
  std::string photos_json = "[]";    // per photo: category, evidence source, reason, duplicateOf
  std::string flags_json = "[]";     // reviewer flags [{code, message, count}]
  bool result_changed = false;       // the status differs from the previous one: a note is due
  std::optional<int64_t> outbox_id;  // the note's outbox row, when one was queued
  std::optional<int64_t> jobnimbus_synced_at;  // when the outbox delivered that note
  int64_t checked_at = 0;                      // first evaluation with this result
  int64_t last_checked_at = 0;                 // latest evaluation that confirmed it
  bool is_latest = true;
};

// One row of GET /api/v1/qc/jobs: an active job with its latest check (if any).
struct QcOverviewItem {
  int64_t job_id = 0;
  std::string job_jnid;
  std::string job_name;
  std::string status;  // "NOT_CHECKED" when the job was never evaluated
  int before_count = 0;
  int during_count = 0;
  int after_count = 0;
  int uncategorized_count = 0;
  int64_t last_checked_at = 0;  // 0 = never
};

struct QcOverviewQuery {
  int64_t limit = 50;
  int64_t offset = 0;
  std::string status;  // "" = any
  std::string after;   // a Page::next_cursor of this list (paging.h)
};

class QcCheckRepository {
 public:
  virtual ~QcCheckRepository() = default;
  // Stores each check as its job's latest (the previous latest stays as history). Several
  // hundred rows per statement; run it in a unit of work for atomicity with the outbox.
  virtual Status append(std::span<const QcCheck> checks) = 0;
  // These latest checks were confirmed by an evaluation at `checked_at`.
  virtual Status touch(std::span<const int64_t> check_ids, int64_t checked_at) = 0;
  virtual Result<std::optional<QcCheck>> latest(int64_t job_id) = 0;
  virtual Result<std::vector<QcCheck>> latest_for_jobs(std::span<const int64_t> job_ids) = 0;
  // The same rows with only id, job_id, status and missing_json read (what risk needs: not the
  // per-photo texts, which make up most of a check).
  virtual Result<std::vector<QcCheck>> latest_statuses_for_jobs(
      std::span<const int64_t> job_ids) = 0;
  // Newest first.
  virtual Result<std::vector<QcCheck>> history(int64_t job_id, int64_t limit) = 0;
  // Active jobs by id, each with its latest check.
  virtual Result<Page<QcOverviewItem>> overview(const QcOverviewQuery& query) = 0;
  // The outbox delivered note `outbox_id`: stamps jobNimbusSyncedAt on the check that queued it.
  // Answers the rows changed (0 when the note was not a QC note).
  virtual Result<int64_t> mark_note_delivered(int64_t outbox_id, int64_t delivered_at) = 0;
};

struct RiskSnapshotRecord {
  int64_t id = 0;
  int64_t job_id = 0;
  std::string risk_level;                 // "LOW" | "MEDIUM" | "HIGH"
  std::string reasons_json = "[]";        // [{code, severity, message, details, action}]
  std::string actions_json = "[]";        // recommendedActions
  std::vector<std::string> reason_codes;  // "STALE_JOB", ... (the reason filter)
  std::string status_name;                // the job's status when evaluated
  int64_t evaluated_at = 0;               // first evaluation with this level and these reasons
  int64_t last_evaluated_at = 0;          // latest evaluation (messages carry its day counts)
  bool is_latest = true;
  // Read from the job (not stored with the snapshot).
  std::string job_jnid;
  std::string job_number;
  std::string job_name;
  std::string customer_name;
  std::optional<int64_t> job_status_changed_at;  // the job's last status change, when known
};

// A latest snapshot whose level and reason codes did not change: its texts are refreshed.
struct RiskRefresh {
  int64_t snapshot_id = 0;
  std::string reasons_json;
  std::string actions_json;
  std::string status_name;
};

// Days in status sorts by the job's last status change (the older, the more days); jobs with no
// known change come last either way.
enum class RiskSort {
  risk_level,
  evaluated_at,
  job_name,
  job_number,
  customer_name,
  status_name,
  days_in_status
};

struct RiskListQuery {
  int64_t limit = 50;
  int64_t offset = 0;
  std::string level;   // "" = any
  std::string reason;  // a reason code; "" = any
  std::string status;  // the job's status name, exactly; "" = any
  std::string q;       // text the job's number, name, customer or address contains; "" = any
  RiskSort sort = RiskSort::risk_level;
  bool descending = true;
  std::string after;  // a Page::next_cursor of this list and order (paging.h)
};

class RiskSnapshotRepository {
 public:
  virtual ~RiskSnapshotRepository() = default;
  // As QcCheckRepository::append: each becomes its job's latest; many rows per statement.
  virtual Status append(std::span<const RiskSnapshotRecord> snapshots) = 0;
  virtual Status refresh(std::span<const RiskRefresh> refreshes, int64_t evaluated_at) = 0;
  virtual Result<std::optional<RiskSnapshotRecord>> latest(int64_t job_id) = 0;
  virtual Result<std::vector<RiskSnapshotRecord>> latest_for_jobs(
      std::span<const int64_t> job_ids) = 0;
  // The same rows with only id, job_id, risk_level and reason_codes read (what evaluate-all
  // compares: not the texts, nor the job's names).
  virtual Result<std::vector<RiskSnapshotRecord>> latest_levels_for_jobs(
      std::span<const int64_t> job_ids) = 0;
  virtual Result<std::vector<RiskSnapshotRecord>> history(int64_t job_id, int64_t limit) = 0;
  // Latest snapshots of active jobs.
  virtual Result<Page<RiskSnapshotRecord>> list_latest(const RiskListQuery& query) = 0;
};

struct WorkflowStatusRecord {
  int64_t jn_status_id = 0;
  std::string name;
  bool is_lead = false;
  bool is_closed = false;
  bool is_active = true;
  int sort_order = 0;
};

// GET /account/settings: one workflow (job record type) and its statuses.
struct WorkflowRecord {
  int64_t jn_workflow_id = 0;
  std::string object_type;  // "job" | "contact"
  std::string name;
  bool is_active = true;
  std::string raw_json;
  std::vector<WorkflowStatusRecord> statuses;
};

class WorkflowRepository {
 public:
  virtual ~WorkflowRepository() = default;
  // The account settings are the whole truth: workflows not in `workflows` are removed.
  virtual Status replace_all(std::span<const WorkflowRecord> workflows) = 0;
  virtual Result<std::vector<WorkflowRecord>> list() = 0;
};

// The slim mirror read of evaluate-all: only the columns the engines use, no raw JSON.
struct EvaluationJob {
  int64_t id = 0;
  std::string jnid;
  std::string number;
  std::string name;
  std::string customer_name;
  std::string status_name;
  std::string record_type_name;
  int64_t date_status_change = 0;
  int64_t jn_date_updated = 0;
  int64_t files_synced_at = 0;
};

struct EvaluationFile {
  std::string job_jnid;
  std::string jnid;
  FileKind kind = FileKind::other;
  int64_t record_type_id = 0;
  std::string record_type_name;
  std::string caption;
  std::string filename;
  std::string md5;
  int64_t date_file_created = 0;
  int64_t jn_date_created = 0;
};

struct EvaluationStatusChange {
  std::string job_jnid;
  std::string status_name;
  int64_t at = 0;
};

// Jobs in ascending id order; files oldest first and status changes oldest first, grouped by job.
struct EvaluationBatch {
  std::vector<EvaluationJob> jobs;
  std::vector<EvaluationFile> files;
  std::vector<EvaluationStatusChange> status_changes;
};

class EvaluationInputRepository {
 public:
  virtual ~EvaluationInputRepository() = default;
  // Up to `limit` active jobs with id > after_job_id, with their active files and status changes.
  virtual Result<EvaluationBatch> next_batch(int64_t after_job_id, int64_t limit) = 0;
  // The same for these job ids (active ones only).
  virtual Result<EvaluationBatch> for_jobs(std::span<const int64_t> job_ids) = 0;
  // Active jobs whose mirrored record, files or activities changed at or after `since` (the
  // mirror's updated_at), ascending.
  virtual Result<std::vector<int64_t>> changed_job_ids(int64_t since) = 0;
  virtual Result<int64_t> count_active_jobs() = 0;
};

}  // namespace gep::domain

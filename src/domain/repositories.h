#pragma once
// Repository interfaces: the domain says what it needs from storage, the store module provides
// it (for SQLite and PostgreSQL). Expected failures are Result values; "not found" is an empty
// optional, not an error.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/paging.h"
#include "domain/records.h"
#include "domain/sync_records.h"

namespace gep::domain {

// The next chunk of a streamed id listing (about a thousand ids, duplicates allowed), an empty
// optional at its end, or the error that left it incomplete.
using IdChunkSource = std::function<Result<std::optional<std::vector<std::string>>>()>;

struct PresenceChanges {
  int64_t deleted = 0;
  int64_t undeleted = 0;
  // Listed ids the mirror had no row for, or only a soft-deleted row older than the listing (so
  // its content may be stale): records to fetch again. Sorted bytewise.
  std::vector<std::string> missing;
};

// The common shape of every mirrored JobNimbus record type, keyed by `jnid`.
template <class Record>
class RecordRepository {
 public:
  virtual ~RecordRepository() = default;

  // Inserts or updates by jnid, hundreds of rows per statement, atomically. A record that
  // reappears is undeleted; one with is_active=false is stored soft-deleted. When the same jnid
  // occurs twice in `records` the last one wins and the earlier counts as unchanged. A stored
  // row whose JobNimbus date_updated is newer than the incoming copy's is kept (counted
  // unchanged): a page fetched before a webhook's re-fetch may be stored after it.
  virtual Result<UpsertCounts> upsert_batch(std::span<const Record> records) = 0;
  virtual Result<std::optional<Record>> find_by_id(int64_t id) = 0;
  virtual Result<std::optional<Record>> find_by_jnid(std::string_view jnid) = 0;
  // Records with these jnids, deleted ones included, in no particular order.
  virtual Result<std::vector<Record>> find_by_jnids(std::span<const std::string> jnids) = 0;
  // Sorted jnids, for the reconciliation pass that detects deletes.
  virtual Result<std::vector<std::string>> list_jnids(Presence presence) = 0;
  // How many records, without reading them (reconciliation compares it with JobNimbus's count).
  virtual Result<int64_t> count(Presence presence) = 0;
  // Soft delete / undelete; each answers how many rows actually changed state.
  virtual Result<int64_t> mark_deleted(std::span<const std::string> jnids, int64_t deleted_at) = 0;
  virtual Result<int64_t> undelete(std::span<const std::string> jnids) = 0;
  // Makes the deleted state follow a complete listing of the ids that exist: soft-deletes every
  // active record it does not name and undeletes every deleted one it names, atomically. The ids
  // are read chunk by chunk and compared in the database, never all held in memory. When the
  // listing fails, nothing changes and its error is answered. `deleted_at` must be taken before
  // the listing starts: records written at or after it (by a webhook while the ids were listed)
  // are newer than the listing and keep their state until the next run. The answer also names
  // the listed ids the mirror lacks, for the caller to fetch.
  virtual Result<PresenceChanges> reconcile_presence(const IdChunkSource& next_chunk,
                                                     int64_t deleted_at) = 0;
};

class JobRepository : public RecordRepository<Job> {
 public:
  // Newest JobNimbus update first. Search covers name, number, display and customer name and
  // the address.
  virtual Result<Page<Job>> list(const ListQuery& query) = 0;
  virtual Status mark_files_synced(std::span<const std::string> job_jnids, int64_t synced_at) = 0;
  // Every active job at once, in one statement (after a complete listing of all files).
  virtual Status mark_all_files_synced(int64_t synced_at) = 0;
};

class ContactRepository : public RecordRepository<Contact> {
 public:
  // Search covers names, company, email, phones and address.
  virtual Result<Page<Contact>> list(const ListQuery& query) = 0;
  // Case-insensitive; active contacts only.
  virtual Result<std::vector<Contact>> find_by_email(std::string_view email) = 0;
};

class FileRepository : public RecordRepository<File> {
 public:
  // Oldest first (by date_file_created, then JobNimbus creation); active files only.
  virtual Result<std::vector<File>> list_for_job(std::string_view job_jnid,
                                                 std::optional<FileKind> kind = std::nullopt) = 0;
};

class ActivityRepository : public RecordRepository<Activity> {
 public:
  // Oldest first; active activities only.
  virtual Result<std::vector<Activity>> list_for_job(std::string_view job_jnid) = 0;
  virtual Result<std::vector<Activity>> status_changes_for_job(std::string_view job_jnid) = 0;
};

class JobContactRepository {
 public:
  virtual ~JobContactRepository() = default;
  // Deletes every link of `job_jnids`, then stores `links` (a link already stored is
  // overwritten).
  virtual Status replace_for_jobs(std::span<const std::string> job_jnids,
                                  std::span<const JobContact> links) = 0;
  virtual Result<std::vector<JobContact>> list_for_job(std::string_view job_jnid) = 0;
  virtual Result<std::vector<JobContact>> list_for_contact(std::string_view contact_jnid) = 0;
};

class SyncStateRepository {
 public:
  virtual ~SyncStateRepository() = default;
  virtual Result<std::optional<SyncCursor>> get(std::string_view entity) = 0;
  // Insert or replace; `updated_at` is set to the store's clock.
  virtual Status put(const SyncCursor& cursor) = 0;
  virtual Result<std::vector<SyncCursor>> list() = 0;
};

struct SyncLogQuery {
  int64_t limit = 20;
  int64_t offset = 0;
  std::optional<SyncStatus> status;  // only runs that ended so; every run when unset
};

class SyncLogRepository {
 public:
  virtual ~SyncLogRepository() = default;
  // Answers the new log's id.
  virtual Result<int64_t> append(const SyncLog& log) = 0;
  // Newest first (created_at, then id); `total` counts the runs the filter keeps.
  virtual Result<Page<SyncLog>> list(const SyncLogQuery& query) = 0;
  virtual Result<std::optional<SyncLog>> latest() = 0;
  virtual Result<std::optional<SyncLog>> latest_for_entity(std::string_view entity) = 0;
};

}  // namespace gep::domain

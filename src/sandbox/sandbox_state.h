#pragma once
// The sandbox's account and everything that changes it, thread-safe (one shared_mutex: pages are
// read concurrently, writes are exclusive). Three kinds of change:
//  - API writes (POST /activities, POST /tasks, PUT /jobs|contacts/{jnid}, POST /files): what a
//    client did. Each applied write is appended to the write log, which tests read to prove a
//    write-back happened exactly once.
//  - control changes: what other JobNimbus users did meanwhile (create, update, change status,
//    delete, restore, add photos, same-second clusters). Not logged.
//  - seeding and persistence: generate(), save(), load().
// JSON bodies are parsed by the caller; every method answers the wire JSON of what it touched.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "sandbox/catalog.h"
#include "sandbox/collection.h"
#include "sandbox/generator.h"
#include "sandbox/query.h"
#include "sandbox/query_executor.h"
#include "sandbox/record_builders.h"
#include "sandbox/rng.h"

namespace gep::sandbox {

struct WriteLogEntry {
  uint64_t seq = 0;
  int64_t at = 0;        // unix seconds
  std::string endpoint;  // "POST /activities", "PUT /jobs/{jnid}", ...
  std::string jnid;      // the record created or changed
  std::string request;   // the request body as JSON (an upload's data replaced by its size)
  std::string fault;     // the fault injected after applying it; empty when answered normally
};
nlohmann::json to_json(const WriteLogEntry& entry);

// A random batch of changes, as other users of the account would make while a client syncs.
struct MutationSpec {
  int64_t job_updates = 0;     // a field or two changed
  int64_t status_changes = 0;  // moved along the workflow (date_status_change + activity)
  int64_t job_creates = 0;     // new leads, each with a new contact
  int64_t job_deletes = 0;     // is_active:false
  int64_t contact_updates = 0;
  int64_t photos = 0;  // added to random jobs
  int64_t documents = 0;
  bool same_second = false;  // every change at one date_updated second
};

class SandboxState {
 public:
  SandboxState(Clock& clock, uint64_t seed);

  int64_t now() const { return to_unix_seconds(clock_.now()); }
  void generate(const GenerationSpec& spec);  // replaces all content; clears the write log

  // --- API reads ---
  // Fails (a 400) when `policy` rejects a string range or sort the query uses.
  Result<std::string> list_page(Kind kind, const ListQuery& query, uint64_t shuffle_seed,
                                StringPolicy policy = {}) const;
  std::optional<std::string> get(Kind kind, std::string_view jnid) const;
  struct FileContent {
    std::string bytes;
    std::string content_type;
    std::string filename;
  };
  std::optional<FileContent> file_content(std::string_view jnid) const;

  // --- API writes: logged; errors "validation" (400) and "not_found" (404) ---
  Result<std::string> create_note(const nlohmann::json& body, std::string_view fault = {});
  Result<std::string> create_task(const nlohmann::json& body, std::string_view fault = {});
  Result<std::string> update(Kind kind, std::string_view jnid, const nlohmann::json& body,
                             std::string_view fault = {});
  Result<std::string> upload_file(const nlohmann::json& body, std::string_view fault = {});

  // --- write log ---
  std::vector<WriteLogEntry> writes(uint64_t after_seq = 0) const;
  size_t write_count(std::string_view endpoint) const;
  void clear_writes();

  // --- control: not logged ---
  // A realistic new record with `fields` applied on top; jobs come with a new contact unless
  // fields name a "primary"; files need "related" (a job jnid).
  Result<std::string> control_create(Kind kind, const nlohmann::json& fields);
  Result<std::string> control_update(Kind kind, std::string_view jnid,
                                     const nlohmann::json& fields);
  Status control_delete(Kind kind, std::string_view jnid);
  Result<std::string> control_restore(Kind kind, std::string_view jnid);
  // Photos (record_type 2, phase "before"/"during"/"after" or random) or documents on a job.
  Result<std::vector<std::string>> add_files(std::string_view job_jnid, int64_t count,
                                             int record_type, std::optional<std::string> phase);
  // Gives `jnids` (or `count` random records) one date_updated second (default: now).
  Result<std::vector<std::string>> touch(Kind kind, std::vector<std::string> jnids, int64_t count,
                                         std::optional<int64_t> second);
  nlohmann::json mutate(const MutationSpec& spec);

  // --- inspection ---
  size_t count(Kind kind) const;
  size_t deleted_count(Kind kind) const;
  nlohmann::json counts() const;
  // {"count":N,"records":[...]} with every active record (projected to fields when given) and,
  // with include_deleted, {"deleted":[...]} as well.
  std::string dump(Kind kind, const std::vector<std::string>& fields, bool include_deleted) const;
  // {"active":[jnid...],"deleted":[jnid...]}, each sorted.
  std::string ids(Kind kind) const;

  // --- persistence ---
  Status save(const std::string& path) const;
  Status load(const std::string& path);

 private:
  Collection& collection(Kind kind) { return collections_[kind_index(kind)]; }
  const Collection& collection(Kind kind) const { return collections_[kind_index(kind)]; }
  // Everything *_locked expects mutex_ held exclusively (or shared, for const ones).
  void log_write_locked(std::string endpoint, std::string jnid, std::string request,
                        std::string_view fault);
  Result<std::string> update_locked(Kind kind, std::string_view jnid, const nlohmann::json& body,
                                    const catalog::User& actor);
  Result<std::string> create_note_locked(const nlohmann::json& body, const catalog::User& actor);
  Result<std::string> create_task_locked(const nlohmann::json& body, const catalog::User& actor);
  Result<std::string> create_job_locked(const nlohmann::json& fields);
  Result<std::vector<std::string>> add_files_locked(std::string_view job_jnid, int64_t count,
                                                    int record_type,
                                                    const std::optional<std::string>& kind);
  const Record& put_json_locked(Kind kind, std::string json, uint64_t content_seed);
  Ref ref_locked(const Record& record, Kind kind) const;
  std::optional<Ref> resolve_locked(std::string_view id) const;  // a job or a contact
  std::string next_jnid_locked();
  const Record* random_record_locked(Kind kind);

  Clock& clock_;
  mutable std::shared_mutex mutex_;
  std::vector<Collection> collections_;
  std::unordered_map<std::string, std::string> blobs_;  // uploaded bytes by file jnid
  std::vector<WriteLogEntry> write_log_;
  uint64_t next_write_seq_ = 1;
  int64_t next_job_recid_ = 1001;
  int64_t next_contact_recid_ = 1001;
  Rng rng_;
};

}  // namespace gep::sandbox

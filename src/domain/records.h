#pragma once
// The mirrored JobNimbus records, as the rest of gep sees them.
//
// Time: every timestamp is unix seconds, UTC, as JobNimbus sends them; 0 means "unset" (JobNimbus
// uses 0 or null for that). `jn_*` times are JobNimbus's own; `created_at`/`updated_at` are when
// this mirror first stored / last changed the row; `deleted_at` is set when the record vanished
// from JobNimbus (soft delete: the row stays for audit and is hidden from default listings).
// `raw_json` is the record exactly as JobNimbus answered it, kept beside the mapped columns.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gep::domain {

struct Job {
  int64_t id = 0;  // local id, 0 until stored
  std::string jnid;
  std::string number;
  std::string name;
  std::string display_name;   // JobNimbus display_name, e.g. "Clark Kent - 100 N 52 E"
  std::string customer_name;  // the customer as the mapping decided (spec: customerName)
  std::string address_line1;
  std::string address_line2;
  std::string city;
  std::string state;
  std::string zip;
  int64_t status_id = 0;
  std::string status_name;
  int64_t date_status_change = 0;
  int64_t jn_date_created = 0;
  int64_t jn_date_updated = 0;
  std::string sales_rep_id;
  std::string sales_rep_name;
  int64_t record_type_id = 0;
  std::string record_type_name;
  bool is_active = true;
  std::string raw_json;
  int64_t files_synced_at = 0;  // when this job's files were last synced; 0 = never
  std::optional<int64_t> deleted_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Contact {
  int64_t id = 0;
  std::string jnid;
  std::string number;
  std::string first_name;
  std::string last_name;
  std::string display_name;
  std::string company;
  std::string email;
  std::string home_phone;
  std::string mobile_phone;
  std::string work_phone;
  std::string address_line1;
  std::string address_line2;
  std::string city;
  std::string state;
  std::string zip;
  std::string status_name;
  std::string record_type_name;
  bool is_sub_contractor = false;
  bool is_active = true;
  int64_t jn_date_created = 0;
  int64_t jn_date_updated = 0;
  std::string raw_json;
  std::optional<int64_t> deleted_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A job's related contact. Keyed by jnids, not local ids: jobs and contacts sync separately,
// so a link may name a contact the mirror has not fetched yet.
struct JobContact {
  std::string job_jnid;
  std::string contact_jnid;
  bool is_primary = false;
};

enum class FileKind { photo, document, other };

std::string_view to_string(FileKind kind);
std::optional<FileKind> parse_file_kind(std::string_view text);
// JobNimbus type codes: 2 Photo; 1 Document and the other built-in paper types are documents.
FileKind file_kind_from_record_type(int64_t record_type);

struct File {
  int64_t id = 0;
  std::string jnid;
  std::string job_jnid;  // the job it belongs to ("" when attached to a contact only)
  FileKind kind = FileKind::other;
  int64_t record_type_id = 0;
  std::string record_type_name;
  std::string caption;  // JobNimbus `description`
  std::string filename;
  std::string content_type;
  int64_t size_bytes = 0;
  std::string md5;
  int64_t date_file_created = 0;
  int64_t jn_date_created = 0;
  int64_t jn_date_updated = 0;
  bool is_private = false;
  bool is_active = true;
  std::string created_by_name;
  std::string raw_json;
  std::optional<int64_t> deleted_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A JobNimbus activity on a job: notes and system events ("Status Changed"), the status timeline
// QC uses to place undated photos.
struct Activity {
  int64_t id = 0;
  std::string jnid;
  std::string job_jnid;
  std::string record_type_name;  // "Note", "Status Changed", "Job Created", ...
  std::string note;
  bool is_status_change = false;
  std::string status_name;  // the status entered, when the mapping could tell
  std::string created_by_name;
  int64_t jn_date_created = 0;
  int64_t jn_date_updated = 0;
  bool is_active = true;
  std::string raw_json;
  std::optional<int64_t> deleted_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

}  // namespace gep::domain

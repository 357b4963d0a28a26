#pragma once
// JobNimbus records as the client hands them out. Conventions:
//  - dates are unix seconds; JobNimbus's 0 or null ("unset") is std::nullopt;
//  - text fields are empty when missing or null;
//  - raw_json is the record exactly as JobNimbus sent it (custom fields keyed by their UI label,
//    such as "Claim #", live only there): the mirror stores it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gep::jobnimbus {

using UnixSeconds = int64_t;

struct RecordRef {
  std::string id;
  std::string type;  // "contact", "job", ...
  std::string name;
  std::string number;
};

struct Job {
  std::string jnid;
  std::optional<int64_t> recid;
  std::string number;
  std::string name;
  std::string display_name;
  std::optional<int64_t> record_type;
  std::string record_type_name;
  std::optional<int64_t> status;
  std::string status_name;
  std::optional<UnixSeconds> date_created;
  std::optional<UnixSeconds> date_updated;
  std::optional<UnixSeconds> date_status_change;
  std::optional<UnixSeconds> date_start;
  std::optional<UnixSeconds> date_end;
  std::string created_by;
  std::string created_by_name;
  std::string sales_rep;
  std::string sales_rep_name;
  std::string source_name;
  std::string description;
  bool is_active = true;
  bool is_archived = false;
  std::optional<RecordRef> primary;
  std::vector<RecordRef> related;
  std::vector<std::string> owner_ids;
  std::string address_line1;
  std::string address_line2;
  std::string city;
  std::string state_text;
  std::string zip;
  std::string country_name;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string raw_json;
};

struct Contact {
  std::string jnid;
  std::optional<int64_t> recid;
  std::string number;
  std::string display_name;
  std::string first_name;
  std::string last_name;
  std::string company;
  std::string email;
  std::string home_phone;
  std::string mobile_phone;
  std::string work_phone;
  std::string website;
  bool is_sub_contractor = false;
  std::string record_type_name;
  std::string status_name;
  std::optional<UnixSeconds> date_created;
  std::optional<UnixSeconds> date_updated;
  std::string created_by;
  std::string created_by_name;
  std::string sales_rep;
  std::string sales_rep_name;
  bool is_active = true;
  bool is_archived = false;
  std::optional<RecordRef> primary;
  std::vector<RecordRef> related;
  std::string address_line1;
  std::string address_line2;
  std::string city;
  std::string state_text;
  std::string zip;
  std::string country_name;
  std::string raw_json;
};

// File type codes (accounts add custom ones).
enum class FileType : int64_t {
  document = 1,
  photo = 2,
  email_attachment = 3,
  natural_forms = 4,
  invoice = 5,
  eagleview = 6,
  accurence = 7,
  credit_memo = 8,
};

// An attachment; a photo is one with record_type 2 / record_type_name "Photo".
struct FileRecord {
  std::string jnid;
  std::string filename;
  std::string content_type;
  std::optional<int64_t> size;
  std::string description;  // the caption people type: "Before - north roof face"
  std::optional<int64_t> record_type;
  std::string record_type_name;
  std::optional<UnixSeconds> date_created;
  std::optional<UnixSeconds> date_updated;
  std::optional<UnixSeconds> date_file_created;
  std::string md5;
  bool is_private = false;
  bool is_active = true;
  std::optional<RecordRef> primary;
  std::vector<RecordRef> related;
  std::string created_by;
  std::string created_by_name;
  std::string raw_json;

  bool is_photo() const;
  const std::string& caption() const { return description; }
};

struct Activity {
  std::string jnid;
  std::string note;
  std::string record_type_name;  // "Note", "Job Created", "Status Changed", ...
  bool is_status_change = false;
  std::optional<RecordRef> primary;
  std::vector<RecordRef> related;
  std::optional<UnixSeconds> date_created;
  std::optional<UnixSeconds> date_updated;
  std::string created_by;
  std::string created_by_name;
  bool is_active = true;
  std::string raw_json;
};

struct Task {
  std::string jnid;
  std::string title;
  std::string description;
  std::string record_type_name;
  std::optional<UnixSeconds> date_start;
  std::optional<UnixSeconds> date_end;
  bool is_completed = false;
  std::optional<int64_t> priority;
  std::optional<RecordRef> primary;
  std::vector<RecordRef> related;
  std::optional<UnixSeconds> date_created;
  std::optional<UnixSeconds> date_updated;
  std::string created_by;
  bool is_active = true;
  std::string raw_json;
};

// What the id-only listing (`fields=jnid,date_updated`) yields, for delete reconciliation.
struct RecordId {
  std::string jnid;
  std::optional<UnixSeconds> date_updated;
};

struct WorkflowStatus {
  std::optional<int64_t> id;  // differs between workflows with the same name: match on name
  std::string name;
  bool is_lead = false;
  bool is_closed = false;
  bool is_active = true;
  std::optional<int64_t> order;
};

struct Workflow {
  std::optional<int64_t> id;
  std::string object_type;  // "job" or "contact"
  std::string name;
  bool is_active = true;
  std::vector<WorkflowStatus> statuses;
};

struct AccountSettings {
  std::vector<Workflow> workflows;
  std::string raw_json;
};

// A record of a page that could not be used (e.g. no string jnid); the rest of the page is kept.
struct SkippedRecord {
  size_t index = 0;  // position in the page
  std::string jnid;  // when readable
  std::string reason;
  std::string excerpt;  // the start of its JSON
};

template <class Record>
struct Page {
  int64_t count = 0;  // total matching the query, as JobNimbus reports it
  std::vector<Record> records;
  std::vector<SkippedRecord> skipped;
};

}  // namespace gep::jobnimbus

#pragma once
// Wire JSON of each record kind from plain facts, in the field order and shapes of the facts
// file (jobs, contacts, attachments, activities, tasks). Used by the seeded generator, by the
// control API and by the API's own writes, so that every record has the same shape.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/catalog.h"

namespace gep::sandbox {

struct Ref {
  std::string id;
  std::string name;
  std::string number;
  std::string type;  // "job", "contact"
};

struct Address {
  std::string line1;
  std::string line2;
  std::string city;
  std::string state;
  std::string zip;
  double lat = 0;
  double lon = 0;
};

struct ContactFacts {
  std::string jnid;
  int64_t recid = 0;
  std::string first_name, last_name, display_name, company, email;
  std::optional<std::string> home_phone, mobile_phone, work_phone;
  std::string website;
  const catalog::Workflow* workflow = nullptr;
  const catalog::Status* status = nullptr;
  int64_t date_created = 0, date_updated = 0, date_status_change = 0;
  const catalog::User* created_by = nullptr;
  const catalog::User* sales_rep = nullptr;
  Address address;
  std::vector<std::string_view> tags;
  std::string_view source_name;
  std::optional<std::string> description;
};

struct JobFacts {
  std::string jnid;
  int64_t recid = 0;
  std::string name, display_name;
  const catalog::Workflow* workflow = nullptr;
  const catalog::Status* status = nullptr;
  int64_t date_created = 0, date_updated = 0, date_status_change = 0;
  const catalog::User* created_by = nullptr;
  const catalog::User* sales_rep = nullptr;
  std::vector<std::string_view> owners;
  Ref primary;
  std::vector<Ref> related;
  Address address;
  std::vector<std::string_view> tags;
  std::string_view source_name;
  std::optional<std::string> description;
  int64_t date_start = 0, date_end = 0;
  double estimate_total = 0, invoice_total = 0;
  bool is_archived = false;
  // Custom fields: generic keys and their UI labels.
  std::optional<std::string> utility_or_carrier;  // cf_string_1
  int64_t size_value = 0;                         // cf_long_1: watts (solar) or squares (roofing)
  bool hoa = false;                               // cf_boolean_1
  std::optional<std::string> claim_number;        // "Claim #" (insurance roofing)
};

struct FileFacts {
  std::string jnid;
  std::string filename, content_type;
  int64_t size = 0;
  int64_t date_created = 0, date_updated = 0, date_file_created = 0;
  std::optional<std::string> description;
  std::string md5;
  int record_type = 1;
  const Ref* owner = nullptr;  // the job (or contact) the file is attached to; not owned
  const catalog::User* created_by = nullptr;
  bool is_private = false;
};

struct ActivityFacts {
  std::string jnid;
  int record_type = 1;
  std::string record_type_name = "Note";
  std::string note;
  bool is_status_change = false;
  const Ref* primary = nullptr;  // not owned: thousands of activities share one job's Ref
  int64_t date_created = 0;
  const catalog::User* created_by = nullptr;
  bool is_private = false;
};

struct TaskFacts {
  std::string jnid;
  std::string title;
  std::optional<std::string> description;
  int record_type = 1;
  std::string record_type_name = "Task";
  int64_t date_start = 0, date_end = 0;
  bool is_completed = false;
  int priority = 0;
  std::vector<std::string> owners;
  std::vector<Ref> related;
  int64_t date_created = 0, date_updated = 0;
  const catalog::User* created_by = nullptr;
};

std::string contact_json(const ContactFacts& contact);
std::string job_json(const JobFacts& job);
std::string file_json(const FileFacts& file);
std::string activity_json(const ActivityFacts& activity);
std::string task_json(const TaskFacts& task);

// "Status changed from Sold to Permitting": the note of a system "Status Changed" activity.
std::string status_change_note(std::string_view from, std::string_view to);

}  // namespace gep::sandbox

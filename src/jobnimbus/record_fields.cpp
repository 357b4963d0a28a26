// Which JSON key fills which member of each record type. A long if-chain is fine here:
// string_view comparison checks the length first, so most comparisons cost one integer compare.
#include "jobnimbus/json_values.h"

namespace gep::jobnimbus::json {
namespace {

using simdjson::SUCCESS;

// Keys shared by jobs and contacts.
template <class Record>
bool assign_common(Record& r, std::string_view key, value& v, error_code& error) {
  if (key == "date_created") {
    error = read_date(v, r.date_created);
  } else if (key == "date_updated") {
    error = read_date(v, r.date_updated);
  } else if (key == "number") {
    error = read_text(v, r.number);
  } else if (key == "recid") {
    error = read_int(v, r.recid);
  } else if (key == "display_name") {
    error = read_text(v, r.display_name);
  } else if (key == "record_type_name") {
    error = read_text(v, r.record_type_name);
  } else if (key == "status_name") {
    error = read_text(v, r.status_name);
  } else if (key == "created_by") {
    error = read_text(v, r.created_by);
  } else if (key == "created_by_name") {
    error = read_text(v, r.created_by_name);
  } else if (key == "sales_rep") {
    error = read_text(v, r.sales_rep);
  } else if (key == "sales_rep_name") {
    error = read_text(v, r.sales_rep_name);
  } else if (key == "is_active") {
    error = read_bool(v, r.is_active);
  } else if (key == "is_archived") {
    error = read_bool(v, r.is_archived);
  } else if (key == "primary") {
    error = read_ref(v, r.primary);
  } else if (key == "related") {
    error = read_refs(v, r.related);
  } else if (key == "address_line1") {
    error = read_text(v, r.address_line1);
  } else if (key == "address_line2") {
    error = read_text(v, r.address_line2);
  } else if (key == "city") {
    error = read_text(v, r.city);
  } else if (key == "state_text") {
    error = read_text(v, r.state_text);
  } else if (key == "zip") {
    error = read_text(v, r.zip);
  } else if (key == "country_name") {
    error = read_text(v, r.country_name);
  } else {
    return false;
  }
  return true;
}

error_code read_geo(value& v, Job& job) {
  simdjson::ondemand::object object;
  if (v.get_object().get(object) != SUCCESS) return SUCCESS;  // null or wrong type: no position
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    if (const auto error = std::move(field_result).get(field)) return error;
    std::string_view key;
    if (const auto error = field_key(field, key)) return error;
    value child = field.value();
    error_code error = SUCCESS;
    if (key == "lat") error = read_double(child, job.latitude);
    if (key == "lon") error = read_double(child, job.longitude);
    if (error) return error;
  }
  return SUCCESS;
}

error_code read_owner_ids(value& v, std::vector<std::string>& out) {
  std::vector<RecordRef> refs;
  if (const auto error = read_refs(v, refs)) return error;
  for (auto& ref : refs) out.push_back(std::move(ref.id));
  return SUCCESS;
}

}  // namespace

error_code assign_field(Job& job, std::string_view key, value& v) {
  error_code error = SUCCESS;
  if (assign_common(job, key, v, error)) return error;
  if (key == "name") return read_text(v, job.name);
  if (key == "record_type") return read_int(v, job.record_type);
  if (key == "status") return read_int(v, job.status);
  if (key == "date_status_change") return read_date(v, job.date_status_change);
  if (key == "date_start") return read_date(v, job.date_start);
  if (key == "date_end") return read_date(v, job.date_end);
  if (key == "source_name") return read_text(v, job.source_name);
  if (key == "description") return read_text(v, job.description);
  if (key == "owners") return read_owner_ids(v, job.owner_ids);
  if (key == "geo") return read_geo(v, job);
  return SUCCESS;
}

error_code assign_field(Contact& contact, std::string_view key, value& v) {
  error_code error = SUCCESS;
  if (assign_common(contact, key, v, error)) return error;
  if (key == "first_name") return read_text(v, contact.first_name);
  if (key == "last_name") return read_text(v, contact.last_name);
  if (key == "company") return read_text(v, contact.company);
  if (key == "email") return read_text(v, contact.email);
  if (key == "home_phone") return read_text(v, contact.home_phone);
  if (key == "mobile_phone") return read_text(v, contact.mobile_phone);
  if (key == "work_phone") return read_text(v, contact.work_phone);
  if (key == "website") return read_text(v, contact.website);
  if (key == "is_sub_contractor") return read_bool(v, contact.is_sub_contractor);
  return SUCCESS;
}

error_code assign_field(FileRecord& file, std::string_view key, value& v) {
  if (key == "filename") return read_text(v, file.filename);
  if (key == "content_type") return read_text(v, file.content_type);
  if (key == "size") return read_int(v, file.size);
  if (key == "description") return read_text(v, file.description);
  if (key == "record_type") return read_int(v, file.record_type);
  if (key == "record_type_name") return read_text(v, file.record_type_name);
  if (key == "date_created") return read_date(v, file.date_created);
  if (key == "date_updated") return read_date(v, file.date_updated);
  if (key == "date_file_created") return read_date(v, file.date_file_created);
  if (key == "md5") return read_text(v, file.md5);
  if (key == "is_private") return read_bool(v, file.is_private);
  if (key == "is_active") return read_bool(v, file.is_active);
  if (key == "primary") return read_ref(v, file.primary);
  if (key == "related") return read_refs(v, file.related);
  if (key == "created_by") return read_text(v, file.created_by);
  if (key == "created_by_name") return read_text(v, file.created_by_name);
  return SUCCESS;
}

error_code assign_field(Activity& activity, std::string_view key, value& v) {
  if (key == "note") return read_text(v, activity.note);
  if (key == "record_type_name") return read_text(v, activity.record_type_name);
  if (key == "is_status_change") return read_bool(v, activity.is_status_change);
  if (key == "primary") return read_ref(v, activity.primary);
  if (key == "related") return read_refs(v, activity.related);
  if (key == "date_created") return read_date(v, activity.date_created);
  if (key == "date_updated") return read_date(v, activity.date_updated);
  if (key == "created_by") return read_text(v, activity.created_by);
  if (key == "created_by_name") return read_text(v, activity.created_by_name);
  if (key == "is_active") return read_bool(v, activity.is_active);
  return SUCCESS;
}

error_code assign_field(Task& task, std::string_view key, value& v) {
  if (key == "title") return read_text(v, task.title);
  if (key == "description") return read_text(v, task.description);
  if (key == "record_type_name") return read_text(v, task.record_type_name);
  if (key == "date_start") return read_date(v, task.date_start);
  if (key == "date_end") return read_date(v, task.date_end);
  if (key == "is_completed") return read_bool(v, task.is_completed);
  if (key == "priority") return read_int(v, task.priority);
  if (key == "primary") return read_ref(v, task.primary);
  if (key == "related") return read_refs(v, task.related);
  if (key == "date_created") return read_date(v, task.date_created);
  if (key == "date_updated") return read_date(v, task.date_updated);
  if (key == "created_by") return read_text(v, task.created_by);
  if (key == "is_active") return read_bool(v, task.is_active);
  return SUCCESS;
}

error_code assign_field(RecordId& id, std::string_view key, value& v) {
  if (key == "date_updated") return read_date(v, id.date_updated);
  return SUCCESS;
}

}  // namespace gep::jobnimbus::json

#include "sandbox/record_builders.h"

#include <cmath>

#include "sandbox/json_writer.h"

namespace gep::sandbox {
namespace {

void write_user(JsonWriter& w, const char* id_key, const char* name_key,
                const catalog::User* user) {
  if (user == nullptr) {
    w.field(id_key, "").field(name_key, "");
    return;
  }
  w.field(id_key, user->jnid).field(name_key, user->name);
}

void write_ref(JsonWriter& w, const Ref& ref, bool with_details) {
  w.begin_object().field("id", ref.id);
  if (with_details) {
    w.field("name", ref.name).field("number", ref.number);
  }
  w.field("type", ref.type).end_object();
}

void write_optional(JsonWriter& w, std::string_view key, const std::optional<std::string>& value) {
  if (value) {
    w.field(key, *value);
  } else {
    w.null_field(key);
  }
}

void write_address(JsonWriter& w, const Address& address) {
  w.field("address_line1", address.line1)
      .field("address_line2", address.line2)
      .field("city", address.city)
      .field("state_text", address.state)
      .field("country_name", "United States")
      .field("zip", address.zip)
      .key("geo")
      .begin_object()
      .field("lat", address.lat)
      .field("lon", address.lon)
      .end_object();
}

void write_tags(JsonWriter& w, const std::vector<std::string_view>& tags) {
  w.key("tags").begin_array();
  for (const auto tag : tags) w.value(tag);
  w.end_array();
}

// Money and sizes round to cents / tenths as a UI would have stored them.
double round_to(double value, double step) {
  return std::round(value / step) * step;
}

}  // namespace

std::string contact_json(const ContactFacts& c) {
  std::string out;
  out.reserve(900);
  JsonWriter w(out);
  w.begin_object()
      .field("jnid", c.jnid)
      .field("recid", c.recid)
      .field("number", std::to_string(c.recid))
      .field("type", "contact")
      .field("first_name", c.first_name)
      .field("last_name", c.last_name)
      .field("display_name", c.display_name)
      .field("company", c.company)
      .field("email", c.email);
  write_optional(w, "home_phone", c.home_phone);
  write_optional(w, "mobile_phone", c.mobile_phone);
  write_optional(w, "work_phone", c.work_phone);
  w.field("website", c.website)
      .field("is_sub_contractor", c.workflow != nullptr && c.workflow->name == "Subcontractor")
      .field("record_type", c.workflow != nullptr ? c.workflow->id : 0)
      .field("record_type_name", c.workflow != nullptr ? c.workflow->name : "")
      .field("status", c.status != nullptr ? c.status->id : 0)
      .field("status_name", c.status != nullptr ? c.status->name : "")
      .field("date_created", c.date_created)
      .field("date_updated", c.date_updated)
      .field("date_status_change", c.date_status_change);
  write_user(w, "created_by", "created_by_name", c.created_by);
  write_user(w, "sales_rep", "sales_rep_name", c.sales_rep);
  w.key("owners").begin_array();
  if (c.sales_rep != nullptr) w.begin_object().field("id", c.sales_rep->jnid).end_object();
  w.end_array().field("is_active", true).field("is_archived", false);
  write_address(w, c.address);
  write_tags(w, c.tags);
  w.field("source_name", c.source_name);
  write_optional(w, "description", c.description);
  w.end_object();
  return out;
}

std::string job_json(const JobFacts& j) {
  std::string out;
  out.reserve(1400);
  JsonWriter w(out);
  const bool solar = j.workflow != nullptr && j.workflow->trade == catalog::Trade::solar;
  w.begin_object()
      .field("jnid", j.jnid)
      .field("recid", j.recid)
      .field("number", std::to_string(j.recid))
      .field("type", "job")
      .field("name", j.name)
      .field("display_name", j.display_name)
      .field("record_type", j.workflow != nullptr ? j.workflow->id : 0)
      .field("record_type_name", j.workflow != nullptr ? j.workflow->name : "")
      .field("status", j.status != nullptr ? j.status->id : 0)
      .field("status_name", j.status != nullptr ? j.status->name : "")
      .field("date_created", j.date_created)
      .field("date_updated", j.date_updated)
      .field("date_status_change", j.date_status_change);
  write_user(w, "created_by", "created_by_name", j.created_by);
  write_user(w, "sales_rep", "sales_rep_name", j.sales_rep);
  w.key("owners").begin_array();
  for (const auto owner : j.owners) w.begin_object().field("id", owner).end_object();
  w.end_array().field("is_active", true).field("is_archived", j.is_archived).key("primary");
  write_ref(w, j.primary, true);
  w.key("related").begin_array();
  for (const auto& ref : j.related) write_ref(w, ref, true);
  w.end_array();
  write_address(w, j.address);
  write_tags(w, j.tags);
  w.field("source_name", j.source_name);
  write_optional(w, "description", j.description);
  w.field("date_start", j.date_start)
      .field("date_end", j.date_end)
      .field("approved_estimate_total", round_to(j.estimate_total, 0.01))
      .field("approved_invoice_total", round_to(j.invoice_total, 0.01));
  write_optional(w, "cf_string_1", j.utility_or_carrier);
  w.field("cf_long_1", j.size_value).field("cf_boolean_1", j.hoa).field("cf_date_1", j.date_start);
  if (solar) {
    write_optional(w, "Utility Company", j.utility_or_carrier);
    w.field("System Size (kW)", round_to(static_cast<double>(j.size_value) / 1000.0, 0.01));
  } else {
    write_optional(w, "Insurance Company", j.utility_or_carrier);
    w.field("Roof Squares", j.size_value);
    if (j.workflow != nullptr && j.workflow->insurance)
      write_optional(w, "Claim #", j.claim_number);
  }
  w.field("HOA", j.hoa ? "Yes" : "No").end_object();
  return out;
}

std::string file_json(const FileFacts& f) {
  std::string out;
  out.reserve(700);
  JsonWriter w(out);
  w.begin_object()
      .field("jnid", f.jnid)
      .field("type", "attachment")
      .field("filename", f.filename)
      .field("content_type", f.content_type)
      .field("size", f.size)
      .field("date_created", f.date_created)
      .field("date_updated", f.date_updated)
      .field("date_file_created", f.date_file_created);
  write_optional(w, "description", f.description);
  w.field("md5", f.md5)
      .key("exif")
      .begin_array()
      .end_array()
      .field("is_private", f.is_private)
      .field("is_active", true)
      .field("record_type", f.record_type)
      .field("record_type_name", catalog::file_type_name(f.record_type))
      .key("related")
      .begin_array()
      .begin_object()
      .field("id", f.owner->id)
      .field("type", f.owner->type)
      .field("name", f.owner->name)
      .end_object()
      .end_array()
      .key("primary")
      .begin_object()
      .field("id", f.owner->id)
      .field("type", f.owner->type)
      .end_object();
  write_user(w, "created_by", "created_by_name", f.created_by);
  w.end_object();
  return out;
}

std::string activity_json(const ActivityFacts& a) {
  std::string out;
  out.reserve(500);
  JsonWriter w(out);
  w.begin_object()
      .field("jnid", a.jnid)
      .field("type", "activity")
      .field("record_type", a.record_type)
      .field("record_type_name", a.record_type_name)
      .field("note", a.note)
      .field("is_status_change", a.is_status_change)
      .field("is_private", a.is_private)
      .field("is_active", true)
      .key("primary");
  write_ref(w, *a.primary, true);
  w.key("related").begin_array();
  write_ref(w, *a.primary, true);
  w.end_array().field("date_created", a.date_created).field("date_updated", a.date_created);
  write_user(w, "created_by", "created_by_name", a.created_by);
  w.end_object();
  return out;
}

std::string task_json(const TaskFacts& t) {
  std::string out;
  out.reserve(600);
  JsonWriter w(out);
  w.begin_object().field("jnid", t.jnid).field("type", "task").field("title", t.title);
  write_optional(w, "description", t.description);
  w.field("record_type", t.record_type)
      .field("record_type_name", t.record_type_name)
      .field("date_start", t.date_start)
      .field("date_end", t.date_end)
      .field("is_completed", t.is_completed)
      .field("priority", t.priority)
      .field("is_active", true)
      .key("owners")
      .begin_array();
  for (const auto& owner : t.owners) w.begin_object().field("id", owner).end_object();
  w.end_array().key("related").begin_array();
  for (const auto& ref : t.related) write_ref(w, ref, true);
  w.end_array();
  if (!t.related.empty()) {
    w.key("primary");
    write_ref(w, t.related.front(), true);
  }
  w.field("date_created", t.date_created).field("date_updated", t.date_updated);
  write_user(w, "created_by", "created_by_name", t.created_by);
  w.end_object();
  return out;
}

std::string status_change_note(std::string_view from, std::string_view to) {
  std::string note = "Status changed from ";
  note.append(from);
  note.append(" to ");
  note.append(to);
  return note;
}

}  // namespace gep::sandbox

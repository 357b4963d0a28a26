#include "sync/record_mapping.h"

namespace gep::sync {
namespace {

int64_t or_zero(const std::optional<int64_t>& value) {
  return value.value_or(0);
}

std::string customer_name_of(const jobnimbus::Job& job) {
  if (job.primary && job.primary->type == "contact" && !job.primary->name.empty()) {
    return job.primary->name;
  }
  for (const auto& related : job.related) {
    if (related.type == "contact" && !related.name.empty()) return related.name;
  }
  const size_t dash = job.display_name.find(" - ");
  return dash == std::string::npos ? job.display_name : job.display_name.substr(0, dash);
}

std::string job_of(const jobnimbus::FileRecord& file) {
  if (file.primary && file.primary->type == "job") return file.primary->id;
  for (const auto& related : file.related) {
    if (related.type == "job") return related.id;
  }
  return "";
}

}  // namespace

domain::Job to_domain(const jobnimbus::Job& job) {
  domain::Job out;
  out.jnid = job.jnid;
  out.number = job.number;
  out.name = job.name.empty() ? job.display_name : job.name;
  out.display_name = job.display_name;
  out.customer_name = customer_name_of(job);
  out.address_line1 = job.address_line1;
  out.address_line2 = job.address_line2;
  out.city = job.city;
  out.state = job.state_text;
  out.zip = job.zip;
  out.status_id = or_zero(job.status);
  out.status_name = job.status_name.empty() ? "Lead" : job.status_name;
  out.date_status_change = or_zero(job.date_status_change);
  out.jn_date_created = or_zero(job.date_created);
  out.jn_date_updated = or_zero(job.date_updated);
  out.sales_rep_id = job.sales_rep;
  out.sales_rep_name = job.sales_rep_name;
  out.record_type_id = or_zero(job.record_type);
  out.record_type_name = job.record_type_name;
  out.is_active = job.is_active;
  out.raw_json = job.raw_json;
  return out;
}

domain::Contact to_domain(const jobnimbus::Contact& contact) {
  domain::Contact out;
  out.jnid = contact.jnid;
  out.number = contact.number;
  out.first_name = contact.first_name;
  out.last_name = contact.last_name;
  out.display_name = contact.display_name;
  out.company = contact.company;
  out.email = contact.email;
  out.home_phone = contact.home_phone;
  out.mobile_phone = contact.mobile_phone;
  out.work_phone = contact.work_phone;
  out.address_line1 = contact.address_line1;
  out.address_line2 = contact.address_line2;
  out.city = contact.city;
  out.state = contact.state_text;
  out.zip = contact.zip;
  out.status_name = contact.status_name;
  out.record_type_name = contact.record_type_name;
  out.is_sub_contractor = contact.is_sub_contractor;
  out.is_active = contact.is_active;
  out.jn_date_created = or_zero(contact.date_created);
  out.jn_date_updated = or_zero(contact.date_updated);
  out.raw_json = contact.raw_json;
  return out;
}

domain::File to_domain(const jobnimbus::FileRecord& file) {
  domain::File out;
  out.jnid = file.jnid;
  out.job_jnid = job_of(file);
  out.record_type_id = or_zero(file.record_type);
  out.record_type_name = file.record_type_name;
  out.kind = file.is_photo() ? domain::FileKind::photo
                             : domain::file_kind_from_record_type(out.record_type_id);
  out.caption = file.description;
  out.filename = file.filename;
  out.content_type = file.content_type;
  out.size_bytes = or_zero(file.size);
  out.md5 = file.md5;
  out.date_file_created = or_zero(file.date_file_created);
  out.jn_date_created = or_zero(file.date_created);
  out.jn_date_updated = or_zero(file.date_updated);
  out.is_private = file.is_private;
  out.is_active = file.is_active;
  out.created_by_name = file.created_by_name;
  out.raw_json = file.raw_json;
  return out;
}

std::vector<domain::JobContact> contact_links(const jobnimbus::Job& job) {
  std::vector<domain::JobContact> links;
  const std::string primary_id =
      job.primary && job.primary->type == "contact" ? job.primary->id : std::string();
  if (!primary_id.empty()) links.push_back({job.jnid, primary_id, true});
  for (const auto& related : job.related) {
    if (related.type != "contact" || related.id.empty() || related.id == primary_id) continue;
    links.push_back({job.jnid, related.id, false});
  }
  return links;
}

}  // namespace gep::sync

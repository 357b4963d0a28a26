#include "store/test_records.h"

#include <nlohmann/json.hpp>

namespace gep::test {
namespace {

constexpr int64_t kBaseTime = 1'700'000'000;

}  // namespace

domain::Job make_job(int n) {
  domain::Job job;
  const std::string id = std::to_string(n);
  job.jnid = "job" + id;
  job.number = std::to_string(1000 + n);
  job.name = "Solar install " + id;
  job.display_name = "Customer " + id + " - " + id + " Main St";
  job.customer_name = "Customer " + id;
  job.address_line1 = id + " Main St";
  job.address_line2 = n % 3 == 0 ? "Unit " + id : "";
  job.city = n % 2 == 0 ? "American Fork" : "Provo";
  job.state = "UT";
  job.zip = "84003";
  job.status_id = 19 + n % 4;
  job.status_name = n % 4 == 0   ? "Lead"
                    : n % 4 == 1 ? "Sold"
                    : n % 4 == 2 ? "In Progress"
                                 : "Completed";
  job.date_status_change = kBaseTime + n * 60;
  job.jn_date_created = kBaseTime + n;
  job.jn_date_updated = kBaseTime + n * 10;
  job.sales_rep_id = "rep" + std::to_string(n % 5);
  job.sales_rep_name = "Rep " + std::to_string(n % 5);
  job.record_type_id = 5;
  job.record_type_name = "Residential";
  job.is_active = true;
  nlohmann::json raw = {
      {"jnid", job.jnid},
      {"recid", n},
      {"number", job.number},
      {"type", "job"},
      {"name", job.name},
      {"display_name", job.display_name},
      {"record_type", 5},
      {"record_type_name", "Residential"},
      {"status", job.status_id},
      {"status_name", job.status_name},
      {"date_created", job.jn_date_created},
      {"date_updated", job.jn_date_updated},
      {"date_status_change", job.date_status_change},
      {"sales_rep", job.sales_rep_id},
      {"sales_rep_name", job.sales_rep_name},
      {"owners", {{{"id", job.sales_rep_id}}}},
      {"is_active", true},
      {"is_archived", false},
      {"primary", {{"id", "con" + id}, {"name", job.customer_name}, {"type", "contact"}}},
      {"related", {{{"id", "con" + id}, {"name", job.customer_name}, {"type", "contact"}}}},
      {"address_line1", job.address_line1},
      {"address_line2", job.address_line2},
      {"city", job.city},
      {"state_text", "UT"},
      {"country_name", "United States"},
      {"zip", job.zip},
      {"geo", {{"lat", 40.387368}, {"lon", -111.789513}}},
      {"tags", nlohmann::json::array()},
      {"source_name", "Referral"},
      {"description", nullptr},
      {"date_start", 0},
      {"date_end", 0},
      {"approved_estimate_total", 24500.5},
      {"approved_invoice_total", 0},
      {"cf_string_1", "State Farm"},
      {"cf_date_1", kBaseTime},
      {"Claim #", "ABC" + id},
      {"notes",
       "Customer prefers morning appointments; dog in the back yard; gate code 4321. "
       "Roof is a 6/12 pitch with two layers of shingles to tear off before install."}};
  job.raw_json = raw.dump();
  return job;
}

domain::Contact make_contact(int n) {
  domain::Contact contact;
  const std::string id = std::to_string(n);
  contact.jnid = "con" + id;
  contact.number = std::to_string(2000 + n);
  contact.first_name = "First" + id;
  contact.last_name = "Last" + id;
  contact.display_name = contact.first_name + " " + contact.last_name;
  contact.company = n % 2 == 0 ? "Acme Roofing" : "";
  contact.email = "Person" + id + "@Example.com";
  contact.home_phone = "801-555-" + std::to_string(1000 + n);
  contact.mobile_phone = "801-556-" + std::to_string(1000 + n);
  contact.address_line1 = id + " Oak Ave";
  contact.city = "Lehi";
  contact.state = "UT";
  contact.zip = "84043";
  contact.status_name = "Active";
  contact.record_type_name = "Customer";
  contact.is_sub_contractor = n % 7 == 0;
  contact.jn_date_created = kBaseTime + n;
  contact.jn_date_updated = kBaseTime + n * 10;
  contact.raw_json = nlohmann::json{{"jnid", contact.jnid},
                                    {"first_name", contact.first_name},
                                    {"email", contact.email},
                                    {"date_updated", contact.jn_date_updated}}
                         .dump();
  return contact;
}

domain::File make_file(int n, const std::string& job_jnid, domain::FileKind kind) {
  domain::File file;
  const std::string id = std::to_string(n);
  file.jnid = "file" + id;
  file.job_jnid = job_jnid;
  file.kind = kind;
  file.record_type_id = kind == domain::FileKind::photo ? 2 : 1;
  file.record_type_name = kind == domain::FileKind::photo ? "Photo" : "Document";
  file.caption = "Before - north roof face " + id;
  file.filename = "IMG_" + id + ".png";
  file.content_type = "image/png";
  file.size_bytes = 555204 + n;
  file.md5 = "md5-" + id;
  file.date_file_created = kBaseTime + n * 100;
  file.jn_date_created = kBaseTime + n * 100 + 5;
  file.jn_date_updated = kBaseTime + n * 100 + 9;
  file.created_by_name = "Josh Demo";
  file.raw_json = nlohmann::json{{"jnid", file.jnid}, {"filename", file.filename}}.dump();
  return file;
}

domain::Activity make_activity(int n, const std::string& job_jnid, bool status_change) {
  domain::Activity activity;
  const std::string id = std::to_string(n);
  activity.jnid = "act" + id;
  activity.job_jnid = job_jnid;
  activity.record_type_name = status_change ? "Status Changed" : "Note";
  activity.note = status_change ? "Status changed to In Progress" : "Called the customer " + id;
  activity.is_status_change = status_change;
  activity.status_name = status_change ? "In Progress" : "";
  activity.created_by_name = "Bob Barton";
  activity.jn_date_created = kBaseTime + n * 1000;
  activity.jn_date_updated = kBaseTime + n * 1000;
  activity.raw_json = nlohmann::json{{"jnid", activity.jnid}, {"note", activity.note}}.dump();
  return activity;
}

}  // namespace gep::test

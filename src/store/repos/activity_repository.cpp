#include "store/repos/activity_repository.h"

#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::string_view kOldestFirst = "COALESCE(jn_date_created, 0), id";

}  // namespace

const RecordTable& ActivityTraits::table() {
  static const RecordTable activities(
      "activities",
      {"jnid", "job_jnid", "record_type_name", "note", "is_status_change", "status_name",
       "created_by_name", "jn_date_created", "jn_date_updated", "is_active", "raw_json"},
      false);
  return activities;
}

void ActivityTraits::append_content(const Record& activity, std::vector<sql::Value>& out) {
  out.emplace_back(activity.jnid);
  out.emplace_back(activity.job_jnid);
  out.emplace_back(activity.record_type_name);
  out.emplace_back(activity.note);
  out.push_back(sql::boolean_value(activity.is_status_change));
  out.emplace_back(activity.status_name);
  out.emplace_back(activity.created_by_name);
  out.push_back(sql::zero_as_null(activity.jn_date_created));
  out.push_back(sql::zero_as_null(activity.jn_date_updated));
  out.push_back(sql::boolean_value(activity.is_active));
  out.emplace_back(activity.raw_json);
}

domain::Activity ActivityTraits::from_row(const sql::Row& row) {
  RowReader read(row);
  domain::Activity activity;
  activity.id = read.integer();
  activity.jnid = read.text();
  activity.job_jnid = read.text();
  activity.record_type_name = read.text();
  activity.note = read.text();
  activity.is_status_change = read.boolean();
  activity.status_name = read.text();
  activity.created_by_name = read.text();
  activity.jn_date_created = read.integer();
  activity.jn_date_updated = read.integer();
  activity.is_active = read.boolean();
  activity.raw_json = read.text();
  read.bookkeeping(activity);
  return activity;
}

Result<std::vector<domain::Activity>> SqlActivityRepository::list_for_job(
    std::string_view job_jnid) {
  Filter filter;
  filter.add("deleted_at IS NULL");
  filter.add("job_jnid = ?", sql::Value{std::string(job_jnid)});
  return find_all(filter, kOldestFirst);
}

Result<std::vector<domain::Activity>> SqlActivityRepository::status_changes_for_job(
    std::string_view job_jnid) {
  Filter filter;
  filter.add("deleted_at IS NULL");
  filter.add("job_jnid = ?", sql::Value{std::string(job_jnid)});
  filter.add("is_status_change = ?", sql::boolean_value(true));
  return find_all(filter, kOldestFirst);
}

}  // namespace gep::store

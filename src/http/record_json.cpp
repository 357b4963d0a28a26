#include "http/record_json.h"

#include "core/time_format.h"

namespace gep::http {

nlohmann::json time_or_null(int64_t unix_seconds) {
  if (unix_seconds == 0) return nullptr;
  return format_iso8601_seconds(unix_seconds);
}

nlohmann::json job_summary_json(const domain::Job& job) {
  return {{"id", job.id},
          {"jobNimbusId", job.jnid},
          {"number", job.number},
          {"name", job.name},
          {"customerName", job.customer_name},
          {"status", job.status_name},
          {"statusChangedAt", time_or_null(job.date_status_change)},
          {"address", job.address_line1},
          {"city", job.city},
          {"state", job.state},
          {"zip", job.zip},
          {"salesRep", job.sales_rep_name},
          {"recordType", job.record_type_name},
          {"jobNimbusCreatedAt", time_or_null(job.jn_date_created)},
          {"jobNimbusUpdatedAt", time_or_null(job.jn_date_updated)},
          {"filesSyncedAt", time_or_null(job.files_synced_at)},
          {"deletedAt", job.deleted_at ? time_or_null(*job.deleted_at) : nullptr}};
}

nlohmann::json contact_json(const domain::Contact& contact) {
  return {{"id", contact.id},
          {"jobNimbusId", contact.jnid},
          {"number", contact.number},
          {"displayName", contact.display_name},
          {"firstName", contact.first_name},
          {"lastName", contact.last_name},
          {"company", contact.company},
          {"email", contact.email},
          {"mobilePhone", contact.mobile_phone},
          {"homePhone", contact.home_phone},
          {"workPhone", contact.work_phone},
          {"address", contact.address_line1},
          {"city", contact.city},
          {"state", contact.state},
          {"zip", contact.zip},
          {"status", contact.status_name},
          {"jobNimbusUpdatedAt", time_or_null(contact.jn_date_updated)},
          {"deletedAt", contact.deleted_at ? time_or_null(*contact.deleted_at) : nullptr}};
}

nlohmann::json file_json(const domain::File& file) {
  return {{"id", file.id},
          {"jobNimbusId", file.jnid},
          {"kind", std::string(domain::to_string(file.kind))},
          {"type", file.record_type_name},
          {"caption", file.caption},
          {"filename", file.filename},
          {"contentType", file.content_type},
          {"size", file.size_bytes},
          {"md5", file.md5},
          {"fileCreatedAt", time_or_null(file.date_file_created)},
          {"jobNimbusCreatedAt", time_or_null(file.jn_date_created)},
          {"jobNimbusUpdatedAt", time_or_null(file.jn_date_updated)}};
}

nlohmann::json sync_log_json(const domain::SyncLog& log) {
  nlohmann::json errors = nlohmann::json::array();
  if (!log.errors_json.empty()) {
    errors = nlohmann::json::parse(log.errors_json, nullptr, false);
    if (errors.is_discarded()) errors = nlohmann::json::array();
  }
  return {{"id", log.id},
          {"jobId", log.job_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(log.job_id)},
          {"jobNimbusId",
           log.job_jnid.empty() ? nlohmann::json(nullptr) : nlohmann::json(log.job_jnid)},
          {"syncType", std::string(domain::to_string(log.sync_type))},
          {"status", std::string(domain::to_string(log.status))},
          {"entity", log.entity},
          {"trigger", log.trigger},
          {"recordsAffected", log.records_affected},
          {"errorMessage",
           log.error_message.empty() ? nlohmann::json(nullptr) : nlohmann::json(log.error_message)},
          {"errors", errors},
          {"fetched", log.fetched},
          {"created", log.created},
          {"updated", log.updated},
          {"unchanged", log.unchanged},
          {"deleted", log.deleted},
          {"repaired", log.repaired},
          {"failed", log.failed},
          {"durationMs", log.duration_ms},
          {"startedAt", time_or_null(log.started_at)},
          {"createdAt", time_or_null(log.created_at)}};
}

}  // namespace gep::http

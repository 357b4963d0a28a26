#include "portal/portal_json.h"

#include "core/time_format.h"

namespace gep::portal {
namespace {

nlohmann::json time_or_null(int64_t at) {
  return at > 0 ? nlohmann::json(format_iso8601_seconds(at)) : nlohmann::json(nullptr);
}

nlohmann::json file_json(int64_t job_id, const SharedFile& file, const char* date_name) {
  return {{"id", file.id},
          {"title", file.title},
          {"caption", file.caption},
          {"category", file.category},
          {"fileName", file.file_name},
          {"contentType", file.content_type},
          {"sizeBytes", file.size_bytes},
          {date_name, time_or_null(file.date)},
          {"downloadPath", download_path(job_id, file.id)}};
}

nlohmann::json stage_json(const PortalJobView& view) {
  return {{"code", std::string(qc::to_string(view.stage))}, {"label", view.stage_label}};
}

nlohmann::json address_json(const PortalAddress& address) {
  return {{"line1", address.line1},
          {"line2", address.line2},
          {"city", address.city},
          {"state", address.state},
          {"zip", address.zip}};
}

}  // namespace

std::string download_path(int64_t job_id, int64_t file_id) {
  return "/api/v1/portal/jobs/" + std::to_string(job_id) + "/files/" + std::to_string(file_id);
}

nlohmann::json to_json(const PortalJobView& view) {
  nlohmann::json timeline = nlohmann::json::array();
  for (const Milestone& milestone : view.timeline) {
    timeline.push_back({{"stage", std::string(qc::to_string(milestone.stage))},
                        {"label", milestone.label},
                        {"date", time_or_null(milestone.at)},
                        {"done", milestone.done},
                        {"current", milestone.current}});
  }
  nlohmann::json photos = nlohmann::json::array();
  for (const SharedFile& photo : view.photos) {
    photos.push_back(file_json(view.job_id, photo, "takenAt"));
  }
  nlohmann::json documents = nlohmann::json::array();
  for (const SharedFile& document : view.documents) {
    documents.push_back(file_json(view.job_id, document, "addedAt"));
  }
  return {{"id", view.job_id},
          {"number", view.number},
          {"name", view.name},
          {"stage", stage_json(view)},
          {"address", address_json(view.address)},
          {"timeline", std::move(timeline)},
          {"photos", std::move(photos)},
          {"documents", std::move(documents)},
          {"nextSteps", view.next_steps},
          {"company",
           {{"name", view.company.name},
            {"phone", view.company.phone},
            {"email", view.company.email}}}};
}

nlohmann::json summary_json(const PortalJobView& view) {
  return {{"id", view.job_id},
          {"number", view.number},
          {"name", view.name},
          {"stage", stage_json(view)},
          {"address", address_json(view.address)}};
}

}  // namespace gep::portal

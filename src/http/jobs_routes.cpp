#include "http/jobs_routes.h"

#include "http/job_lookup.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/record_json.h"

namespace gep::http {
namespace {

void list_jobs(domain::Repositories& store, const Request& request,
               Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  const auto include_deleted = bool_param(request, response, "includeDeleted", false);
  if (!include_deleted) return;
  domain::ListQuery query{paging->limit, paging->offset, request.get_param_value("status"),
                          request.get_param_value("q"), *include_deleted};
  const auto page = store.jobs().list(query);
  if (!page) return send_error(response, ErrorCode::database, page.error().message);
  nlohmann::json jobs = nlohmann::json::array();
  for (const auto& job : page->items) jobs.push_back(job_summary_json(job));
  send_json(response, 200, {{"jobs", jobs}, {"total", page->total}});
}

void get_job(domain::Repositories& store, const std::string& key, Response& response) {
  const auto found = find_job(store.jobs(), key);
  if (!found) return send_error(response, ErrorCode::database, found.error().message);
  if (!found->has_value()) return send_error(response, ErrorCode::not_found, "no job " + key);
  const domain::Job& job = **found;
  nlohmann::json body = job_summary_json(job);
  body["displayName"] = job.display_name;
  body["addressLine2"] = job.address_line2;
  nlohmann::json contacts = nlohmann::json::array();
  if (const auto links = store.job_contacts().list_for_job(job.jnid)) {
    for (const auto& link : *links) {
      const auto contact = store.contacts().find_by_jnid(link.contact_jnid);
      nlohmann::json entry = {{"jobNimbusId", link.contact_jnid}, {"isPrimary", link.is_primary}};
      if (contact && contact->has_value()) entry.update(contact_json(**contact));
      contacts.push_back(std::move(entry));
    }
  }
  nlohmann::json photos = nlohmann::json::array();
  nlohmann::json documents = nlohmann::json::array();
  if (const auto files = store.files().list_for_job(job.jnid)) {
    for (const auto& file : *files) {
      (file.kind == domain::FileKind::photo ? photos : documents).push_back(file_json(file));
    }
  }
  body["contacts"] = std::move(contacts);
  body["photos"] = std::move(photos);
  body["documents"] = std::move(documents);
  send_json(response, 200, body);
}

}  // namespace

void add_jobs_routes(Router& router, domain::Repositories& store) {
  router.get("/api/v1/jobs", Access::internal,
             [&store](const Request& request, Response& response,
                      const PathParams&) { list_jobs(store, request, response); });
  router.get("/api/v1/jobs/:id", Access::internal,
             [&store](const Request&, Response& response,
                      const PathParams& params) { get_job(store, params.at("id"), response); });
}

}  // namespace gep::http

#include "http/jobs_routes.h"

#include "http/json_response.h"
#include "http/query_params.h"
#include "http/record_json.h"

namespace gep::http {
namespace {

void list_jobs(const domain::JobDirectory& jobs, const Request& request, Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  const auto include_deleted = bool_param(request, response, "includeDeleted", false);
  if (!include_deleted) return;
  const domain::ListQuery query{paging->limit,
                                paging->offset,
                                request.get_param_value("status"),
                                request.get_param_value("q"),
                                *include_deleted,
                                paging->after};
  const auto page = jobs.list(query);
  if (!page) return send_failure(response, page.error());
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& job : page->items) listed.push_back(job_summary_json(job));
  send_json(response, 200,
            {{"jobs", listed},
             {"total", page->total},
             {"nextCursor", next_cursor_json(page->next_cursor)}});
  set_next_cursor(response, page->next_cursor);
}

nlohmann::json job_details_json(const domain::JobDetails& details) {
  nlohmann::json body = job_summary_json(details.job);
  body["displayName"] = details.job.display_name;
  body["addressLine2"] = details.job.address_line2;
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& link : details.contacts) {
    nlohmann::json entry = {{"jobNimbusId", link.contact_jnid}, {"isPrimary", link.is_primary}};
    if (link.contact) entry.update(contact_json(*link.contact));
    contacts.push_back(std::move(entry));
  }
  nlohmann::json photos = nlohmann::json::array();
  for (const auto& file : details.photos) photos.push_back(file_json(file));
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& file : details.documents) documents.push_back(file_json(file));
  body["contacts"] = std::move(contacts);
  body["photos"] = std::move(photos);
  body["documents"] = std::move(documents);
  return body;
}

void get_job(const domain::JobDirectory& jobs, const std::string& key, Response& response) {
  const auto found = jobs.details(key);
  if (!found) return send_failure(response, found.error());
  if (!found->has_value()) return send_error(response, ErrorCode::not_found, "no job " + key);
  send_json(response, 200, job_details_json(**found));
}

}  // namespace

void add_jobs_routes(Router& router, const domain::JobDirectory& jobs, ListCache& lists) {
  router.get("/api/v1/jobs", Access::internal,
             [&jobs, &lists](const Request& request, Response& response, const PathParams&) {
               lists.answer(request, response, {"jobs"},
                            [&] { list_jobs(jobs, request, response); });
             });
  router.get("/api/v1/jobs/:id", Access::internal,
             [&jobs, &lists](const Request& request, Response& response, const PathParams& params) {
               lists.answer(request, response, {"jobs", "contacts", "job_contacts", "files"},
                            [&] { get_job(jobs, params.at("id"), response); });
             });
}

}  // namespace gep::http

#include "http/qc_routes.h"

#include "http/job_lookup.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/record_json.h"

namespace gep::http {
namespace {

void evaluate(domain::Repositories& store, qc::QcService& qc, const std::string& key,
              Response& response) {
  const auto job = active_job_or_answer(store.jobs(), key, response);
  if (!job) return;
  const auto check = qc.evaluate_job(job->id);
  if (!check) return send_failure(response, check.error());
  if (!check->has_value()) return send_error(response, ErrorCode::not_found, "no job " + key);
  send_json(response, 200, qc::check_to_json(**check));
}

void evaluate_all(qc::QcService& qc, Response& response) {
  const qc::QcRunReport report = qc.evaluate_all();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& error : report.errors) {
    errors.push_back({{"jobId", error.job_id}, {"error", error.error}});
  }
  send_json(response, 200,
            {{"total", report.total},
             {"succeeded", report.succeeded},
             {"failed", report.failed},
             {"errors", errors},
             {"changed", report.changed},
             {"notesQueued", report.notes_queued}});
}

void get_result(domain::Repositories& store, const std::string& key, Response& response) {
  const auto job = active_job_or_answer(store.jobs(), key, response);
  if (!job) return;
  const auto check = store.qc_checks().latest(job->id);
  if (!check) return send_failure(response, check.error());
  send_json(response, 200,
            check->has_value() ? qc::check_to_json(**check) : nlohmann::json(nullptr));
}

void overview(domain::Repositories& store, const Request& request, Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  const auto status = qc_status_filter(request);
  if (!status) return send_error(response, ErrorCode::validation, status.error().message);
  const auto page =
      store.qc_checks().overview({paging->limit, paging->offset, *status, paging->after});
  if (!page) return send_failure(response, page.error());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& item : page->items) {
    rows.push_back({{"jobId", std::to_string(item.job_id)},
                    {"jobNimbusId", item.job_jnid},
                    {"jobName", item.job_name},
                    {"qcStatus", item.status},
                    {"totalPhotos", item.before_count + item.during_count + item.after_count},
                    {"beforeCount", item.before_count},
                    {"duringCount", item.during_count},
                    {"afterCount", item.after_count},
                    {"uncategorizedCount", item.uncategorized_count},
                    {"lastCheckedAt", time_or_null(item.last_checked_at)}});
  }
  send_json(response, 200, rows);
  response.set_header("X-Total-Count", std::to_string(page->total));
  set_next_cursor(response, page->next_cursor);
}

}  // namespace

Result<std::string> qc_status_filter(const Request& request) {
  const std::string status = request.get_param_value("status");
  if (status.empty()) return status;
  const auto parsed = qc::parse_qc_status(status);
  if (!parsed) return fail("validation", "status must be PASS, FAIL or NOT_CHECKED");
  return std::string(qc::to_string(*parsed));
}

void add_qc_routes(Router& router, domain::Repositories& store, qc::QcService& qc,
                   ListCache& lists) {
  router.post("/api/v1/qc/jobs/:jobId/evaluate", Access::internal,
              [&store, &qc](const Request&, Response& response, const PathParams& params) {
                evaluate(store, qc, params.at("jobId"), response);
              });
  router.post(
      "/api/v1/qc/evaluate-all", Access::internal,
      [&qc](const Request&, Response& response, const PathParams&) { evaluate_all(qc, response); });
  router.get(
      "/api/v1/qc/jobs/:jobId", Access::internal,
      [&store, &lists](const Request& request, Response& response, const PathParams& params) {
        lists.answer(request, response, {"jobs", "qc_checks", "outbox"},
                     [&] { get_result(store, params.at("jobId"), response); });
      });
  router.get("/api/v1/qc/jobs", Access::internal,
             [&store, &lists](const Request& request, Response& response, const PathParams&) {
               lists.answer(request, response, {"jobs", "qc_checks", "outbox"},
                            [&] { overview(store, request, response); });
             });
}

}  // namespace gep::http

#include "http/risk_routes.h"

#include "http/job_lookup.h"
#include "http/json_response.h"
#include "http/query_params.h"

namespace gep::http {
namespace {

void evaluate(domain::Repositories& store, risk::RiskService& risk, const std::string& key,
              Response& response) {
  const auto job = active_job_or_answer(store.jobs(), key, response);
  if (!job) return;
  const auto snapshot = risk.evaluate_job(job->id);
  if (!snapshot) return send_failure(response, snapshot.error());
  if (!snapshot->has_value()) return send_error(response, ErrorCode::not_found, "no job " + key);
  send_json(response, 200, risk.to_json(**snapshot));
}

void evaluate_all(risk::RiskService& risk, Response& response) {
  const risk::RiskRunReport report = risk.evaluate_all();
  send_json(response, 200,
            {{"totalJobs", report.total_jobs},
             {"evaluated", report.evaluated},
             {"errors", report.errors},
             {"failed", report.failed},
             {"changed", report.changed},
             {"byLevel", {{"HIGH", report.high}, {"MEDIUM", report.medium}, {"LOW", report.low}}}});
}

void get_snapshot(domain::Repositories& store, risk::RiskService& risk, const std::string& key,
                  Response& response) {
  const auto job = active_job_or_answer(store.jobs(), key, response);
  if (!job) return;
  const auto snapshot = store.risk_snapshots().latest(job->id);
  if (!snapshot) return send_failure(response, snapshot.error());
  if (!snapshot->has_value()) {
    return send_error(response, ErrorCode::not_found, "job " + key + " has no risk snapshot yet");
  }
  send_json(response, 200, risk.to_json(**snapshot));
}

void list(domain::Repositories& store, risk::RiskService& risk, const Request& request,
          Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  domain::RiskListQuery query;
  query.limit = paging->limit;
  query.offset = paging->offset;
  query.after = paging->after;
  const auto filtered = risk_list_filters(request, query);
  if (!filtered) return send_error(response, ErrorCode::validation, filtered.error().message);
  const auto page = store.risk_snapshots().list_latest(*filtered);
  if (!page) return send_failure(response, page.error());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& snapshot : page->items) rows.push_back(risk.to_json(snapshot));
  send_json(response, 200, rows);
  response.set_header("X-Total-Count", std::to_string(page->total));
  set_next_cursor(response, page->next_cursor);
}

// "riskLevel", "-evaluatedAt", ...
Status apply_sort(const std::string& text, domain::RiskListQuery& query) {
  if (text.empty()) return {};  // riskLevel, highest first
  const bool descending = text.front() == '-';
  const std::string field = descending ? text.substr(1) : text;
  query.descending = descending;
  static constexpr std::pair<std::string_view, domain::RiskSort> kSorts[] = {
      {"riskLevel", domain::RiskSort::risk_level},
      {"evaluatedAt", domain::RiskSort::evaluated_at},
      {"jobName", domain::RiskSort::job_name},
      {"jobNumber", domain::RiskSort::job_number},
      {"customer", domain::RiskSort::customer_name},
      {"status", domain::RiskSort::status_name},
      {"daysInStatus", domain::RiskSort::days_in_status},
  };
  for (const auto& [name, sort] : kSorts) {
    if (field == name) {
      query.sort = sort;
      return {};
    }
  }
  return fail("validation",
              "sort must be riskLevel, evaluatedAt, jobName, jobNumber, customer, status or "
              "daysInStatus, optionally with a leading '-' for descending");
}

}  // namespace

Result<domain::RiskListQuery> risk_list_filters(const Request& request,
                                                domain::RiskListQuery query) {
  if (const std::string level = request.get_param_value("level"); !level.empty()) {
    const auto parsed = risk::parse_risk_level(level);
    if (!parsed) return fail("validation", "level must be LOW, MEDIUM or HIGH");
    query.level = std::string(risk::to_string(*parsed));
  }
  if (const std::string reason = request.get_param_value("reason"); !reason.empty()) {
    const auto parsed = risk::parse_risk_code(reason);
    if (!parsed) {
      return fail("validation",
                  "reason must be STUCK_IN_STATUS, STALE_JOB, MISSING_QC_PHOTOS or "
                  "MISSING_DOCUMENTS");
    }
    query.reason = std::string(risk::to_string(*parsed));
  }
  // The job's status (exactly, as JobNimbus names it) and a text search, bounded like the
  // jobs listing's.
  constexpr size_t kLongestText = 200;
  query.status = request.get_param_value("status");
  query.q = request.get_param_value("q");
  if (query.status.size() > kLongestText || query.q.size() > kLongestText) {
    return fail("validation", "status and q must be at most 200 characters");
  }
  if (Status sorted = apply_sort(request.get_param_value("sort"), query); !sorted) {
    return fail(sorted.error());
  }
  return query;
}

void add_risk_routes(Router& router, domain::Repositories& store, risk::RiskService& risk,
                     ListCache& lists) {
  router.post("/api/v1/risk/jobs/:jobId/evaluate", Access::internal,
              [&store, &risk](const Request&, Response& response, const PathParams& params) {
                evaluate(store, risk, params.at("jobId"), response);
              });
  router.post("/api/v1/risk/evaluate-all", Access::internal,
              [&risk](const Request&, Response& response, const PathParams&) {
                evaluate_all(risk, response);
              });
  router.get("/api/v1/risk/jobs/:jobId", Access::internal,
             [&store, &risk, &lists](const Request& request, Response& response,
                                     const PathParams& params) {
               lists.answer(request, response, {"jobs", "risk_snapshots"},
                            [&] { get_snapshot(store, risk, params.at("jobId"), response); });
             });
  router.get(
      "/api/v1/risk/jobs", Access::internal,
      [&store, &risk, &lists](const Request& request, Response& response, const PathParams&) {
        lists.answer(request, response, {"jobs", "risk_snapshots"},
                     [&] { list(store, risk, request, response); });
      });
}

}  // namespace gep::http

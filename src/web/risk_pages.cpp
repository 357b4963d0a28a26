#include "web/risk_pages.h"

#include <array>
#include <nlohmann/json.hpp>

#include "http/risk_routes.h"
#include "web/page_parts.h"
#include "web/risk_views.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

struct SortColumn {
  const char* key;  // the API's sort value
  const char* label;
  bool descending_first;  // levels and times read best from the top; names from A
};
constexpr std::array<SortColumn, 4> kSortColumns = {{{"riskLevel", "Level", true},
                                                     {"jobNumber", "Job", false},
                                                     {"jobName", "Name", false},
                                                     {"evaluatedAt", "Evaluated", true}}};
constexpr std::array<Choice, 3> kLevels = {
    {{"HIGH", "High"}, {"MEDIUM", "Medium"}, {"LOW", "Low"}}};
struct RiskView {
  std::string level;
  std::string reason;
  std::string sort;
};

List sort_headers(const RiskView& view) {
  List headers;
  const std::string current = view.sort.empty() ? "-riskLevel" : view.sort;
  for (const SortColumn& column : kSortColumns) {
    const std::string key = column.key;
    const bool ascending = current == key;
    const bool descending = current == "-" + key;
    Data header;
    header.set("label", column.label);
    header.set("ariaSort", ascending ? "ascending" : descending ? "descending" : "none");
    // A click sorts by the column, and a second click reverses it.
    const bool next_descending = ascending || descending ? ascending : column.descending_first;
    const std::string next = next_descending ? "-" + key : key;
    header.set(
        "href",
        "/risk" + query_string({{"level", view.level}, {"reason", view.reason}, {"sort", next}}));
    header.set("arrow", ascending ? "\u25B2" : descending ? "\u25BC" : "");
    headers.push_back(header);
  }
  return headers;
}

void risk_list(const RiskPagesDeps& deps, const http::Request& request, http::Response& response) {
  domain::RiskListQuery query;
  query.limit = kRowsPerPage;
  query.after = request.get_param_value("after");
  const auto filtered = http::risk_list_filters(request, query);
  if (!filtered) {
    return deps.pages.send_error(request, response, 400, "This view cannot be shown",
                                 filtered.error().message);
  }
  const auto page = deps.store.risk_snapshots().list_latest(*filtered);
  if (!page) {
    return deps.pages.send_error(request, response,
                                 page.error().code == "invalid_cursor" ? 400 : 503,
                                 "The risk list is unavailable", page.error().message);
  }
  const RiskView view{filtered->level, filtered->reason, request.get_param_value("sort")};
  List rows;
  for (const auto& snapshot : page->items) {
    rows.push_back(risk_row_view(deps.risk.to_json(snapshot), snapshot.last_evaluated_at));
  }
  Data data;
  data.set("rows", rows);
  data.set("hasRows", !page->items.empty());
  data.set("total", std::to_string(page->total));
  data.set("headers", sort_headers(view));
  data.set("levels", select_options(kLevels, view.level));
  data.set("reasons", select_options(risk_reason_choices(), view.reason));
  data.set("sort", view.sort);
  data.set("filtered", !view.level.empty() || !view.reason.empty());
  set_pager(data, "/risk", {{"level", view.level}, {"reason", view.reason}, {"sort", view.sort}},
            query.after, page->next_cursor);
  deps.pages.send(request, response, 200, "risk_list", data, "Risk");
}

void risk_detail(const RiskPagesDeps& deps, const http::Request& request, http::Response& response,
                 const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  auto view = risk_detail_view(deps.store, deps.risk, *job);
  if (!view) {
    return deps.pages.send_error(request, response, 503, "Risk is unavailable",
                                 "The risk of this job could not be read. Try again in a moment.");
  }
  Data data = std::move(view).value();
  data.set("jobId", std::to_string(job->id));
  data.set("jobName", job->name);
  data.set("jobNumber", job->number);
  data.set("csrf", request.session_csrf);
  const std::string title = job->name.empty() ? "Job " + key : job->name;
  deps.pages.send(request, response, 200, "risk_detail", data, title);
}

void reevaluate(const RiskPagesDeps& deps, const http::Request& request, http::Response& response,
                const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  const auto evaluated = deps.risk.evaluate_job(job->id);
  if (!evaluated) {
    return deps.pages.send_error(request, response, 503, "The evaluation failed",
                                 "The job could not be evaluated right now. Try again in a "
                                 "moment.");
  }
  redirect(response, "/risk/" + std::to_string(job->id));
}

}  // namespace

void add_risk_pages(http::Router& router, const RiskPagesDeps& deps) {
  router.get(
      "/risk", http::Access::staff_page,
      [deps](const http::Request& request, http::Response& response, const http::PathParams&) {
        deps.lists.answer(request, response, {"jobs", "risk_snapshots"},
                          [&] { risk_list(deps, request, response); });
      });
  router.get("/risk/:jobId", http::Access::staff_page,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams& params) {
               risk_detail(deps, request, response, params.at("jobId"));
             });
  router.post("/risk/:jobId/evaluate", http::Access::staff_page,
              [deps](const http::Request& request, http::Response& response,
                     const http::PathParams& params) {
                reevaluate(deps, request, response, params.at("jobId"));
              });
}

}  // namespace gep::web

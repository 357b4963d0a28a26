#include "web/risk_pages.h"

#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/job_statuses.h"
#include "http/risk_routes.h"
#include "web/page_parts.h"
#include "web/risk_views.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

// The table's columns in order; `key` is the API's sort value, empty for a column that does not
// sort (reasons, the JobNimbus link).
struct Column {
  const char* key;
  const char* label;
  bool descending_first;  // levels, days and times read best from the top; names from A
};
constexpr std::array<Column, 9> kColumns = {{{"riskLevel", "Level", true},
                                             {"jobNumber", "Job", false},
                                             {"jobName", "Name", false},
                                             {"customer", "Customer", false},
                                             {"status", "Status", false},
                                             {"daysInStatus", "Days in status", true},
                                             {"", "Reasons", false},
                                             {"evaluatedAt", "Evaluated", true},
                                             {"", "JobNimbus", false}}};
constexpr std::array<Choice, 3> kLevels = {
    {{"HIGH", "High"}, {"MEDIUM", "Medium"}, {"LOW", "Low"}}};

struct RiskView {
  std::string level;
  std::string reason;
  std::string status;
  std::string q;
  std::string sort;

  std::map<std::string, std::string> filters() const {
    return {{"level", level}, {"reason", reason}, {"status", status}, {"q", q}};
  }
  bool filtered() const {
    return !level.empty() || !reason.empty() || !status.empty() || !q.empty();
  }
};

// One header per column. Only the sorted one carries aria-sort; the others show by shape (a
// double arrow) that they sort, never by colour alone.
List column_headers(const RiskView& view) {
  List headers;
  const std::string current = view.sort.empty() ? "-riskLevel" : view.sort;
  for (const Column& column : kColumns) {
    const std::string key = column.key;
    const bool ascending = !key.empty() && current == key;
    const bool descending = !key.empty() && current == "-" + key;
    Data header;
    header.set("label", column.label);
    header.set("sortable", !key.empty());
    header.set("sorted", ascending || descending);
    header.set("ariaSort", ascending ? "ascending" : "descending");
    // A click sorts by the column, and a second click reverses it.
    const bool next_descending = ascending || descending ? ascending : column.descending_first;
    auto filters = view.filters();
    filters["sort"] = next_descending ? "-" + key : key;
    header.set("href", "/risk" + query_string(filters));
    header.set("arrow", ascending ? "\u25B2" : descending ? "\u25BC" : "\u2195");
    headers.push_back(header);
  }
  return headers;
}

List status_options(domain::Repositories& store) {
  List options;
  const auto names = domain::job_status_names(store);
  if (!names) return options;  // the filter still takes typed text
  for (const std::string& name : *names) {
    Data option;
    option.set("value", name);
    options.push_back(option);
  }
  return options;
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
  const RiskView view{filtered->level, filtered->reason, filtered->status, filtered->q,
                      request.get_param_value("sort")};
  const int64_t now = to_unix_seconds(deps.clock.now());
  List rows;
  for (const auto& snapshot : page->items) {
    rows.push_back(risk_row_view(snapshot, deps.risk.to_json(snapshot), now));
  }
  Data data;
  data.set("rows", rows);
  data.set("hasRows", !page->items.empty());
  data.set("total", std::to_string(page->total));
  data.set("headers", column_headers(view));
  data.set("status", view.status);
  data.set("statuses", status_options(deps.store));
  data.set("q", view.q);
  data.set("levels", select_options(kLevels, view.level));
  data.set("reasons", select_options(risk_reason_choices(), view.reason));
  data.set("sort", view.sort);
  data.set("filtered", view.filtered());
  auto pager_filters = view.filters();
  pager_filters["sort"] = view.sort;
  set_pager(data, "/risk", pager_filters, query.after, page->next_cursor);
  deps.pages.send(request, response, 200, "risk_list", data, "Risk");
}

void risk_detail(const RiskPagesDeps& deps, const http::Request& request, http::Response& response,
                 const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  auto view = risk_detail_view(deps.store, deps.risk, *job, to_unix_seconds(deps.clock.now()));
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
        deps.lists.answer(request, response, {"jobs", "risk_snapshots", "workflows"},
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

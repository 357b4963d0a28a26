#include "web/risk_pages.h"

#include <array>
#include <nlohmann/json.hpp>

#include "domain/job_lookup.h"
#include "http/risk_routes.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

constexpr int64_t kPageSize = 50;
constexpr int64_t kHistoryRows = 30;

struct SortColumn {
  const char* key;  // the API's sort value
  const char* label;
  bool descending_first;  // levels and times read best from the top; names from A
};
constexpr std::array<SortColumn, 4> kSortColumns = {{{"riskLevel", "Level", true},
                                                     {"jobNumber", "Job", false},
                                                     {"jobName", "Name", false},
                                                     {"evaluatedAt", "Evaluated", true}}};
constexpr std::array<const char*, 3> kLevels = {"HIGH", "MEDIUM", "LOW"};
constexpr std::array<std::pair<const char*, const char*>, 4> kReasons = {{
    {"STUCK_IN_STATUS", "Stuck in status"},
    {"STALE_JOB", "No recent activity"},
    {"MISSING_QC_PHOTOS", "Missing QC photos"},
    {"MISSING_DOCUMENTS", "Missing documents"},
}};

std::string reason_label(const std::string& code) {
  for (const auto& [known, label] : kReasons) {
    if (code == known) return label;
  }
  return code;
}

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// The days a STUCK_IN_STATUS reason counted; "" when the job is not stuck.
std::string days_in_status(const nlohmann::json& reasons) {
  for (const auto& reason : reasons) {
    if (reason["code"] == "STUCK_IN_STATUS" && reason["details"].contains("days")) {
      return std::to_string(reason["details"]["days"].get<int64_t>());
    }
  }
  return "";
}

Data risk_row(const nlohmann::json& dto, int64_t evaluated_at) {
  Data row;
  const std::string level = text_of(dto["riskLevel"]);
  row.set("level", level);
  row.set("levelTone", ascii_lower(level));
  row.set("detailHref", "/risk/" + text_of(dto["jobId"]));
  row.set("jobNumber", text_of(dto["jobNumber"]));
  row.set("jobName", text_of(dto["jobName"]));
  row.set("customer", text_of(dto["customerName"]));
  row.set("status", text_of(dto["status"]));
  row.set("daysInStatus", days_in_status(dto["reasons"]));
  List reasons;
  for (const auto& reason : dto["reasons"]) {
    Data entry;
    entry.set("label", reason_label(text_of(reason["code"])));
    reasons.push_back(entry);
  }
  row.set("reasons", reasons);
  row.set("evaluatedAt", format_when(evaluated_at));
  const std::string url = text_of(dto["jobNimbusUrl"]);
  row.set("jobNimbusUrl", safe_href(url));
  row.set("hasJobNimbusUrl", !url.empty());
  return row;
}

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

List level_options(const std::string& selected) {
  List options;
  for (const char* level : kLevels) {
    Data option;
    option.set("value", level);
    option.set("label", std::string(1, level[0]) + ascii_lower(level + 1));
    option.set("selected", selected == level);
    options.push_back(option);
  }
  return options;
}

List reason_options(const std::string& selected) {
  List options;
  for (const auto& [code, label] : kReasons) {
    Data option;
    option.set("value", code);
    option.set("label", label);
    option.set("selected", selected == code);
    options.push_back(option);
  }
  return options;
}

void risk_list(const RiskPagesDeps& deps, const http::Request& request, http::Response& response) {
  domain::RiskListQuery query;
  query.limit = kPageSize;
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
    rows.push_back(risk_row(deps.risk.to_json(snapshot), snapshot.last_evaluated_at));
  }
  Data data;
  data.set("rows", rows);
  data.set("hasRows", !page->items.empty());
  data.set("total", std::to_string(page->total));
  data.set("headers", sort_headers(view));
  data.set("levels", level_options(view.level));
  data.set("reasons", reason_options(view.reason));
  data.set("sort", view.sort);
  data.set("filtered", !view.level.empty() || !view.reason.empty());
  const std::string base =
      query_string({{"level", view.level}, {"reason", view.reason}, {"sort", view.sort}});
  data.set("hasNext", !page->next_cursor.empty());
  data.set("nextHref", "/risk" + query_string({{"level", view.level},
                                               {"reason", view.reason},
                                               {"sort", view.sort},
                                               {"after", page->next_cursor}}));
  data.set("isLaterPage", !query.after.empty());
  data.set("firstHref", "/risk" + base);
  deps.pages.send(request, response, 200, "risk_list", data, "Risk");
}

List reason_rows(const nlohmann::json& reasons) {
  List rows;
  for (const auto& reason : reasons) {
    Data row;
    const std::string severity = text_of(reason["severity"]);
    row.set("label", reason_label(text_of(reason["code"])));
    row.set("severity", severity);
    row.set("severityTone", ascii_lower(severity));
    row.set("message", text_of(reason["message"]));
    row.set("action", text_of(reason["action"]));
    rows.push_back(row);
  }
  return rows;
}

List history_rows(const std::vector<domain::RiskSnapshotRecord>& history) {
  List rows;
  for (const auto& snapshot : history) {
    Data row;
    row.set("level", snapshot.risk_level);
    row.set("levelTone", ascii_lower(snapshot.risk_level));
    row.set("since", format_when(snapshot.evaluated_at));
    List reasons;
    for (const std::string& code : snapshot.reason_codes) {
      Data entry;
      entry.set("label", reason_label(code));
      reasons.push_back(entry);
    }
    row.set("reasons", reasons);
    rows.push_back(row);
  }
  return rows;
}

Data qc_summary(domain::Repositories& store, int64_t job_id) {
  Data qc;
  const auto latest = store.qc_checks().latest(job_id);
  const bool checked = latest && latest->has_value();
  qc.set("checked", checked);
  qc.set("status", checked ? (*latest)->status : std::string("NOT_CHECKED"));
  qc.set("statusTone", checked ? ascii_lower((*latest)->status) : std::string("not_checked"));
  qc.set("before", std::to_string(checked ? (*latest)->before_count : 0));
  qc.set("during", std::to_string(checked ? (*latest)->during_count : 0));
  qc.set("after", std::to_string(checked ? (*latest)->after_count : 0));
  qc.set("lastChecked", format_when(checked ? (*latest)->last_checked_at : 0));
  return qc;
}

void risk_detail(const RiskPagesDeps& deps, const http::Request& request, http::Response& response,
                 const std::string& key) {
  const auto job = domain::find_job(deps.store.jobs(), key);
  if (!job) {
    return deps.pages.send_error(request, response, 503, "This job is unavailable",
                                 "The job could not be read. Try again in a moment.");
  }
  if (!job->has_value() || (*job)->deleted_at) {
    return deps.pages.send_error(request, response, 404, "No such job",
                                 "There is no job " + key + " in the mirror.");
  }
  const int64_t job_id = (*job)->id;
  const auto snapshot = deps.store.risk_snapshots().latest(job_id);
  const auto history = deps.store.risk_snapshots().history(job_id, kHistoryRows);
  if (!snapshot || !history) {
    return deps.pages.send_error(request, response, 503, "Risk is unavailable",
                                 "The risk of this job could not be read. Try again in a moment.");
  }
  Data data;
  data.set("jobId", std::to_string(job_id));
  data.set("jobName", (*job)->name);
  data.set("jobNumber", (*job)->number);
  data.set("evaluated", snapshot->has_value());
  Data risk;
  List actions;
  if (snapshot->has_value()) {
    const nlohmann::json dto = deps.risk.to_json(**snapshot);
    risk = risk_row(dto, (**snapshot).last_evaluated_at);
    risk.set("reasonRows", reason_rows(dto["reasons"]));
    risk.set("hasReasons", !dto["reasons"].empty());
    for (const auto& action : dto["recommendedActions"]) {
      Data entry;
      entry.set("text", text_of(action));
      actions.push_back(entry);
    }
  }
  data.set("risk", risk);
  data.set("actions", actions);
  data.set("hasActions", !actions.empty());
  data.set("history", history_rows(*history));
  data.set("qc", qc_summary(deps.store, job_id));
  data.set("csrf", request.session_csrf);
  const std::string title = (*job)->name.empty() ? "Job " + key : (*job)->name;
  deps.pages.send(request, response, 200, "risk_detail", data, title);
}

void reevaluate(const RiskPagesDeps& deps, const http::Request& request, http::Response& response,
                const std::string& key) {
  const auto job = domain::find_job(deps.store.jobs(), key);
  if (!job || !job->has_value() || (*job)->deleted_at) {
    return deps.pages.send_error(request, response, job ? 404 : 503, "No such job",
                                 "There is no job " + key + " to evaluate.");
  }
  const auto evaluated = deps.risk.evaluate_job((*job)->id);
  if (!evaluated) {
    return deps.pages.send_error(request, response, 503, "The evaluation failed",
                                 "The job could not be evaluated right now. Try again in a "
                                 "moment.");
  }
  redirect(response, "/risk/" + std::to_string((*job)->id));
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

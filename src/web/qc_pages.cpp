#include "web/qc_pages.h"

#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/job_lookup.h"
#include "http/qc_routes.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

constexpr int64_t kPageSize = 50;
constexpr std::array<std::pair<const char*, const char*>, 3> kStatuses = {
    {{"PASS", "Pass"}, {"FAIL", "Fail"}, {"NOT_CHECKED", "Not checked"}}};
constexpr std::array<std::pair<const char*, const char*>, 4> kCategories = {
    {{"BEFORE", "Before"},
     {"DURING", "During"},
     {"AFTER", "After"},
     {"UNCATEGORIZED", "Not categorized"}}};

std::string status_label(const std::string& status) {
  for (const auto& [code, label] : kStatuses) {
    if (status == code) return label;
  }
  return status;
}

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

List status_options(const std::string& selected) {
  List options;
  for (const auto& [code, label] : kStatuses) {
    Data option;
    option.set("value", code);
    option.set("label", label);
    option.set("selected", selected == code);
    options.push_back(option);
  }
  return options;
}

Data overview_row(const domain::QcOverviewItem& item) {
  Data row;
  row.set("detailHref", "/qc/" + std::to_string(item.job_id));
  row.set("jobName", item.job_name.empty() ? item.job_jnid : item.job_name);
  row.set("status", status_label(item.status));
  row.set("statusTone", ascii_lower(item.status));
  row.set("total", std::to_string(item.before_count + item.during_count + item.after_count));
  row.set("before", std::to_string(item.before_count));
  row.set("during", std::to_string(item.during_count));
  row.set("after", std::to_string(item.after_count));
  row.set("lastChecked", format_when(item.last_checked_at));
  return row;
}

void qc_list(const QcPagesDeps& deps, const http::Request& request, http::Response& response) {
  const auto status = http::qc_status_filter(request);
  if (!status) {
    return deps.pages.send_error(request, response, 400, "This view cannot be shown",
                                 status.error().message);
  }
  const std::string after = request.get_param_value("after");
  const auto page = deps.store.qc_checks().overview({kPageSize, 0, *status, after});
  if (!page) {
    return deps.pages.send_error(request, response, 503, "The QC list is unavailable",
                                 page.error().message);
  }
  List rows;
  for (const auto& item : page->items) rows.push_back(overview_row(item));
  Data data;
  data.set("rows", rows);
  data.set("hasRows", !page->items.empty());
  data.set("total", std::to_string(page->total));
  data.set("statuses", status_options(*status));
  data.set("filtered", !status->empty());
  data.set("hasNext", !page->next_cursor.empty());
  data.set("nextHref", "/qc" + query_string({{"status", *status}, {"after", page->next_cursor}}));
  data.set("isLaterPage", !after.empty());
  data.set("firstHref", "/qc" + query_string({{"status", *status}}));
  deps.pages.send(request, response, 200, "qc_list", data, "Photo QC");
}

// The photos of one category, in the order the check listed them.
List photo_cards(const nlohmann::json& photos, const std::string& category,
                 const std::map<std::string, domain::File>& files) {
  List cards;
  for (const auto& photo : photos) {
    if (text_of(photo["category"]) != category) continue;
    const std::string id = text_of(photo["photoId"]);
    const auto file = files.find(id);
    Data card;
    card.set("filename", file != files.end() ? file->second.filename : id);
    card.set("caption", file != files.end() ? file->second.caption : std::string());
    card.set("hasCaption", file != files.end() && !file->second.caption.empty());
    card.set("reason", text_of(photo["reason"]));
    card.set("source", text_of(photo["source"]));
    const std::string duplicate_of = text_of(photo["duplicateOf"]);
    const auto original = files.find(duplicate_of);
    card.set("isDuplicate", !duplicate_of.empty());
    card.set("duplicateOf", original != files.end() ? original->second.filename : duplicate_of);
    cards.push_back(card);
  }
  return cards;
}

List category_sections(const nlohmann::json& check,
                       const std::map<std::string, domain::File>& files) {
  List sections;
  const nlohmann::json& photos =
      check.contains("photos") ? check["photos"] : nlohmann::json::array();
  for (const auto& [code, label] : kCategories) {
    Data section;
    section.set("label", label);
    section.set("anchor", ascii_lower(code));
    List cards = photo_cards(photos, code, files);
    section.set("count", std::to_string(cards.size()));
    section.set("hasPhotos", !cards.empty());
    section.set("photos", cards);
    sections.push_back(section);
  }
  return sections;
}

List missing_rows(const nlohmann::json& check) {
  List rows;
  for (const auto& missing : check["missingCategories"]) {
    Data row;
    row.set("category", text_of(missing["category"]));
    row.set("missing", std::to_string(missing["missing"].get<int64_t>()));
    row.set("required", std::to_string(missing["required"].get<int64_t>()));
    row.set("current", std::to_string(missing["current"].get<int64_t>()));
    rows.push_back(row);
  }
  return rows;
}

void qc_detail(const QcPagesDeps& deps, const http::Request& request, http::Response& response,
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
  const auto check = deps.store.qc_checks().latest((*job)->id);
  const auto photos = deps.store.files().list_for_job((*job)->jnid, domain::FileKind::photo);
  if (!check || !photos) {
    return deps.pages.send_error(request, response, 503, "QC is unavailable",
                                 "The job's photo check could not be read. Try again in a moment.");
  }
  std::map<std::string, domain::File> files;
  for (const domain::File& file : *photos) files.emplace(file.jnid, file);
  Data data;
  data.set("jobId", std::to_string((*job)->id));
  data.set("jobName", (*job)->name);
  data.set("jobNumber", (*job)->number);
  data.set("checked", check->has_value());
  data.set("csrf", request.session_csrf);
  const nlohmann::json dto =
      check->has_value() ? qc::check_to_json(**check) : nlohmann::json::object();
  const std::string status = check->has_value() ? text_of(dto["status"]) : "NOT_CHECKED";
  data.set("status", status_label(status));
  data.set("statusTone", ascii_lower(status));
  data.set("summary", check->has_value() ? text_of(dto["summary"]) : std::string());
  data.set("lastChecked", format_when(check->has_value() ? (**check).last_checked_at : 0));
  data.set("categories", check->has_value() ? category_sections(dto, files) : List{});
  List missing = check->has_value() ? missing_rows(dto) : List{};
  data.set("hasMissing", !missing.empty());
  data.set("missing", missing);
  data.set("photoCount", std::to_string(photos->size()));
  deps.pages.send(request, response, 200, "qc_detail", data, "QC · " + (*job)->name);
}

void recheck(const QcPagesDeps& deps, const http::Request& request, http::Response& response,
             const std::string& key) {
  const auto job = domain::find_job(deps.store.jobs(), key);
  if (!job || !job->has_value() || (*job)->deleted_at) {
    return deps.pages.send_error(request, response, job ? 404 : 503, "No such job",
                                 "There is no job " + key + " to check.");
  }
  if (const auto checked = deps.qc.evaluate_job((*job)->id); !checked) {
    return deps.pages.send_error(request, response, 503, "The check failed",
                                 "The job's photos could not be checked right now. Try again in "
                                 "a moment.");
  }
  redirect(response, "/qc/" + std::to_string((*job)->id));
}

}  // namespace

void add_qc_pages(http::Router& router, const QcPagesDeps& deps) {
  router.get(
      "/qc", http::Access::staff_page,
      [deps](const http::Request& request, http::Response& response, const http::PathParams&) {
        deps.lists.answer(request, response, {"jobs", "qc_checks", "outbox"},
                          [&] { qc_list(deps, request, response); });
      });
  router.get("/qc/:jobId", http::Access::staff_page,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams& params) {
               qc_detail(deps, request, response, params.at("jobId"));
             });
  router.post("/qc/:jobId/evaluate", http::Access::staff_page,
              [deps](const http::Request& request, http::Response& response,
                     const http::PathParams& params) {
                recheck(deps, request, response, params.at("jobId"));
              });
}

}  // namespace gep::web

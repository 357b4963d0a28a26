#include "web/qc_pages.h"

#include <nlohmann/json.hpp>

#include "http/qc_routes.h"
#include "web/page_parts.h"
#include "web/qc_views.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

Data overview_row(const domain::QcOverviewItem& item) {
  Data row;
  row.set("detailHref", "/qc/" + std::to_string(item.job_id));
  row.set("jobName", item.job_name.empty() ? item.job_jnid : item.job_name);
  row.set("status", qc_status_label(item.status));
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
  const auto page = deps.store.qc_checks().overview({kRowsPerPage, 0, *status, after});
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
  data.set("statuses", select_options(qc_status_choices(), *status));
  data.set("filtered", !status->empty());
  set_pager(data, "/qc", {{"status", *status}}, after, page->next_cursor);
  deps.pages.send(request, response, 200, "qc_list", data, "Photo QC");
}

void qc_detail(const QcPagesDeps& deps, const http::Request& request, http::Response& response,
               const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  auto view = qc_check_view(deps.store, *job, staff_photo_link);
  if (!view) {
    return deps.pages.send_error(request, response, 503, "QC is unavailable",
                                 "The job's photo check could not be read. Try again in a moment.");
  }
  Data data = std::move(view).value();
  data.set("jobId", std::to_string(job->id));
  data.set("jobName", job->name);
  data.set("jobNumber", job->number);
  data.set("csrf", request.session_csrf);
  deps.pages.send(request, response, 200, "qc_detail", data, "QC · " + job->name);
}

void recheck(const QcPagesDeps& deps, const http::Request& request, http::Response& response,
             const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  if (const auto checked = deps.qc.evaluate_job(job->id); !checked) {
    return deps.pages.send_error(request, response, 503, "The check failed",
                                 "The job's photos could not be checked right now. Try again in "
                                 "a moment.");
  }
  redirect(response, "/qc/" + std::to_string(job->id));
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

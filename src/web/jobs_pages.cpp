#include "web/jobs_pages.h"

#include "domain/job_lookup.h"
#include "http/query_params.h"
#include "risk/snapshot.h"
#include "web/page_parts.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

// Write-backs of one job shown on its page: the latest few, newest first.
constexpr int64_t kWritebackRows = 20;

std::string address_of(const domain::Job& job) {
  std::string address = job.address_line1;
  const auto add = [&address](const std::string& part, const char* separator) {
    if (part.empty()) return;
    if (!address.empty()) address += separator;
    address += part;
  };
  add(job.address_line2, ", ");
  add(job.city, ", ");
  add(job.state, ", ");
  add(job.zip, " ");
  return address;
}

Data job_row(const domain::Job& job) {
  Data row;
  row.set("href", "/jobs/" + std::to_string(job.id));
  row.set("number", job.number);
  row.set("name", job.name.empty() ? job.jnid : job.name);
  row.set("customer", job.customer_name);
  row.set("status", job.status_name);
  row.set("city", job.city);
  row.set("updated", format_when(job.jn_date_updated));
  row.set("deleted", job.deleted_at.has_value());
  return row;
}

void jobs_list(const JobsPagesDeps& deps, const http::Request& request, http::Response& response) {
  const std::string q = request.get_param_value("q");
  const std::string status = request.get_param_value("status");
  const bool include_deleted = request.get_param_value("includeDeleted") == "true";
  const std::string after = request.get_param_value("after");
  const auto page = deps.jobs.list({kRowsPerPage, 0, status, q, include_deleted, after});
  if (!page) {
    const bool bad = page.error().code == "validation";
    return deps.pages.send_error(request, response, bad ? 400 : 503,
                                 bad ? "This view cannot be shown" : "The job list is unavailable",
                                 page.error().message);
  }
  List rows;
  for (const auto& job : page->items) rows.push_back(job_row(job));
  Data data;
  data.set("rows", rows);
  data.set("hasRows", !page->items.empty());
  data.set("total", std::to_string(page->total));
  data.set("q", q);
  data.set("status", status);
  data.set("includeDeleted", include_deleted);
  data.set("filtered", !q.empty() || !status.empty() || include_deleted);
  std::map<std::string, std::string> filters{{"q", q}, {"status", status}};
  if (include_deleted) filters["includeDeleted"] = "true";
  set_pager(data, "/jobs", std::move(filters), after, page->next_cursor);
  deps.pages.send(request, response, 200, "jobs_list", data, "Jobs");
}

Data contact_row(const domain::LinkedContact& link) {
  Data row;
  const domain::Contact* contact = link.contact ? &*link.contact : nullptr;
  std::string name = contact ? contact->display_name : link.contact_jnid;
  if (contact && name.empty()) name = contact->first_name + " " + contact->last_name;
  row.set("name", name);
  row.set("primary", link.is_primary);
  row.set("email", contact ? contact->email : std::string());
  std::string phone;
  if (contact) {
    phone = !contact->mobile_phone.empty() ? contact->mobile_phone
            : !contact->home_phone.empty() ? contact->home_phone
                                           : contact->work_phone;
  }
  row.set("phone", phone);
  row.set("mirrored", contact != nullptr);
  return row;
}

Data document_row(const domain::File& file) {
  Data row;
  row.set("filename", file.filename);
  row.set("caption", file.caption);
  row.set("hasCaption", !file.caption.empty());
  row.set("type", file.record_type_name);
  row.set("when", format_when(file.jn_date_created));
  return row;
}

// "Queued", "Sending", "Delivered", "Failed": what the person who asked for it needs to know.
std::string delivery_label(domain::OutboxStatus status) {
  switch (status) {
    case domain::OutboxStatus::pending:
      return "Queued";
    case domain::OutboxStatus::in_flight:
      return "Sending";
    case domain::OutboxStatus::delivered:
      return "Delivered";
    case domain::OutboxStatus::dead:
      return "Failed";
  }
  return "Queued";
}

Data writeback_row(const domain::OutboxItem& item) {
  Data row;
  row.set("id", std::to_string(item.id));
  row.set("kind", std::string(domain::to_string(item.kind)));
  row.set("state", delivery_label(item.status));
  row.set("stateTone", std::string(domain::to_string(item.status)));
  row.set("failed", item.status == domain::OutboxStatus::dead);
  row.set("error", item.last_error);
  row.set("source", item.source);
  row.set("when", format_when(item.delivered_at.value_or(item.created_at)));
  return row;
}

Result<List> writeback_rows(domain::Repositories& store, const std::string& job_jnid) {
  domain::OutboxQuery query;
  query.job_jnid = job_jnid;
  query.limit = kWritebackRows;
  const auto page = store.outbox().list(query);
  if (!page) return fail(page.error());
  List rows;
  for (const auto& item : page->items) rows.push_back(writeback_row(item));
  return rows;
}

void job_page(const JobsPagesDeps& deps, const http::Request& request, http::Response& response,
              const std::string& key) {
  const auto found = deps.jobs.details(key);
  if (!found) {
    return deps.pages.send_error(request, response, 503, "This job is unavailable",
                                 "The job could not be read. Try again in a moment.");
  }
  if (!found->has_value()) {
    return deps.pages.send_error(request, response, 404, "No such job",
                                 "There is no job " + key + " in the mirror.");
  }
  const domain::JobDetails& details = **found;
  const domain::Job& job = details.job;
  auto writebacks = writeback_rows(deps.store, job.jnid);
  if (!writebacks) {
    return deps.pages.send_error(request, response, 503, "This job is unavailable",
                                 "The job's write-backs could not be read. Try again in a moment.");
  }
  List contacts;
  for (const auto& link : details.contacts) contacts.push_back(contact_row(link));
  List documents;
  for (const auto& file : details.documents) documents.push_back(document_row(file));
  Data data;
  const std::string id = std::to_string(job.id);
  data.set("jobId", id);
  data.set("jobName", job.name.empty() ? job.jnid : job.name);
  data.set("jobNumber", job.number);
  data.set("status", job.status_name);
  data.set("jobType", job.record_type_name);
  data.set("customer", job.customer_name);
  data.set("address", address_of(job));
  data.set("salesRep", job.sales_rep_name);
  data.set("updated", format_when(job.jn_date_updated));
  data.set("statusSince", format_when(job.date_status_change));
  data.set("deleted", job.deleted_at.has_value());
  data.set("jobNimbusUrl", safe_href(risk::jobnimbus_job_url(deps.jobnimbus_app_url, job.jnid)));
  data.set("contacts", contacts);
  data.set("hasContacts", !details.contacts.empty());
  data.set("photoCount", std::to_string(details.photos.size()));
  data.set("documents", documents);
  data.set("hasDocuments", !details.documents.empty());
  data.set("writebacks", *writebacks);
  data.set("hasWritebacks", !writebacks->empty());
  data.set("queued", request.get_param_value("queued") == "1");
  data.set("csrf", request.session_csrf);
  data.set("next", "/jobs/" + id);
  deps.pages.send(request, response, 200, "job_detail", data,
                  job.name.empty() ? job.jnid : job.name);
}

// After a form: back to the local page it came from, marked so the page says it was queued.
std::string back_to(const http::Request& request, const domain::Job& job) {
  const std::string next = request.has_param("next")
                               ? safe_local_path(request.get_param_value("next"))
                               : "/jobs/" + std::to_string(job.id);
  return next + (next.find('?') == std::string::npos ? "?" : "&") + "queued=1";
}

void refuse_writeback(const JobsPagesDeps& deps, const http::Request& request,
                      http::Response& response, const Error& error) {
  if (error.code == "validation") {
    return deps.pages.send_error(request, response, 400, "This cannot be sent", error.message);
  }
  if (error.code == "not_found") {
    return deps.pages.send_error(request, response, 404, "No such job",
                                 "There is no job by that id in the mirror.");
  }
  if (error.code == "job_not_synced" || error.code == "job_deleted") {
    return deps.pages.send_error(request, response, 409, "This job cannot take it", error.message);
  }
  deps.pages.send_error(request, response, 503, "Nothing was queued",
                        "The write-back could not be queued. Try again in a moment.");
}

sync::RequestOrigin dashboard_origin(const http::Request& request) {
  return {"dashboard", request.principal};
}

void add_note(const JobsPagesDeps& deps, const http::Request& request, http::Response& response,
              const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  const auto queued = deps.writebacks.add_note(
      std::to_string(job->id), {request.get_param_value("text")}, dashboard_origin(request));
  if (!queued) return refuse_writeback(deps, request, response, queued.error());
  redirect(response, back_to(request, *job));
}

void add_task(const JobsPagesDeps& deps, const http::Request& request, http::Response& response,
              const std::string& key) {
  const auto job = active_job_or_page(deps.pages, deps.store.jobs(), request, response, key);
  if (!job) return;
  sync::TaskRequest task{request.get_param_value("title"), std::nullopt, std::nullopt};
  if (const auto description = request.get_param_value("description"); !description.empty()) {
    task.description = description;
  }
  const auto queued =
      deps.writebacks.add_task(std::to_string(job->id), task, dashboard_origin(request));
  if (!queued) return refuse_writeback(deps, request, response, queued.error());
  redirect(response, back_to(request, *job));
}

}  // namespace

void add_jobs_pages(http::Router& router, const JobsPagesDeps& deps) {
  router.get(
      "/jobs", http::Access::staff_page,
      [deps](const http::Request& request, http::Response& response, const http::PathParams&) {
        deps.lists.answer(request, response, {"jobs"}, [&] { jobs_list(deps, request, response); });
      });
  router.get("/jobs/:jobId", http::Access::staff_page,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams& params) {
               job_page(deps, request, response, params.at("jobId"));
             });
  router.post("/jobs/:jobId/notes", http::Access::staff_page,
              [deps](const http::Request& request, http::Response& response,
                     const http::PathParams& params) {
                add_note(deps, request, response, params.at("jobId"));
              });
  router.post("/jobs/:jobId/tasks", http::Access::staff_page,
              [deps](const http::Request& request, http::Response& response,
                     const http::PathParams& params) {
                add_task(deps, request, response, params.at("jobId"));
              });
}

}  // namespace gep::web

#include "web/sync_pages.h"

#include <array>
#include <charconv>

#include "sync/conflicts.h"
#include "web/page_parts.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

constexpr int64_t kLogsPerPage = 20;
constexpr int64_t kOutboxRows = 20;
constexpr int64_t kMaxLogPage = 10'000;
constexpr std::array<Choice, 3> kLogStatuses = {{
    {"SUCCESS", "Succeeded"},
    {"PARTIAL", "Partly failed"},
    {"FAILED", "Failed"},
}};

struct LogView {
  int64_t page = 0;
  std::optional<domain::SyncStatus> status;
  std::string status_text;  // as in the URL
};

std::string logs_href(const LogView& view, int64_t page) {
  return "/sync" + query_string({{"logs", page > 0 ? std::to_string(page) : std::string()},
                                 {"status", view.status_text}});
}

std::optional<int64_t> positive_integer(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<sync::PullEntity> entity_named(std::string_view name) {
  for (const auto entity : sync::kPullOrder) {
    if (sync::to_string(entity) == name) return entity;
  }
  return std::nullopt;
}

Data log_row(const domain::SyncLog& log) {
  Data row;
  row.set("when", format_when(log.started_at != 0 ? log.started_at : log.created_at));
  row.set("type", std::string(domain::to_string(log.sync_type)));
  row.set("entity", log.entity);
  row.set("trigger", log.trigger);
  row.set("status", std::string(domain::to_string(log.status)));
  row.set("statusTone", ascii_lower(std::string(domain::to_string(log.status))));
  row.set("records", std::to_string(log.records_affected));
  row.set("duration", format_duration_ms(log.duration_ms));
  row.set("error", log.error_message);
  return row;
}

Data outbox_row(const domain::OutboxItem& item) {
  Data row;
  row.set("id", std::to_string(item.id));
  row.set("kind", std::string(domain::to_string(item.kind)));
  row.set("job", item.job_id != 0 ? std::to_string(item.job_id) : item.job_jnid);
  row.set("jobHref", item.job_id != 0 ? "/risk/" + std::to_string(item.job_id) : std::string());
  row.set("hasJobHref", item.job_id != 0);
  row.set("attempts", std::to_string(item.attempts) + " of " + std::to_string(item.max_attempts));
  row.set("error", item.last_error);
  row.set("when", format_when(item.delivered_at.value_or(item.updated_at)));
  return row;
}

Result<List> outbox_rows(domain::DataStore& store, domain::OutboxStatus status, int64_t& total) {
  domain::OutboxQuery query;
  query.status = status;
  query.limit = kOutboxRows;
  const auto page = store.outbox().list(query);
  if (!page) return fail(page.error());
  total = page->total;
  List rows;
  for (const auto& item : page->items) rows.push_back(outbox_row(item));
  return rows;
}

Result<List> conflict_rows(domain::DataStore& store, int64_t& total) {
  const auto page = store.conflicts().list(domain::ConflictStatus::open, kOutboxRows, 0);
  if (!page) return fail(page.error());
  total = page->total;
  List rows;
  for (const auto& conflict : page->items) {
    Data row;
    row.set("id", std::to_string(conflict.id));
    row.set("job", conflict.job_id != 0 ? std::to_string(conflict.job_id) : conflict.job_jnid);
    row.set("field", conflict.field);
    row.set("local", conflict.local_value);
    row.set("remote", conflict.remote_value);
    row.set("localAt", format_when(conflict.local_changed_at));
    row.set("remoteAt", format_when(conflict.remote_changed_at));
    rows.push_back(row);
  }
  return rows;
}

Status add_logs(domain::DataStore& store, const LogView& view, Data& data) {
  const auto logs = store.sync_logs().list({kLogsPerPage, view.page * kLogsPerPage, view.status});
  if (!logs) return fail(logs.error());
  List rows;
  for (const auto& log : logs->items) rows.push_back(log_row(log));
  data.set("logs", rows);
  data.set("hasLogs", !logs->items.empty());
  data.set("logTotal", std::to_string(logs->total));
  data.set("logStatuses", select_options(kLogStatuses, view.status_text));
  data.set("logFiltered", view.status.has_value());
  data.set("hasNewer", view.page > 0);
  data.set("newerHref", logs_href(view, view.page - 1));
  data.set("hasOlder", (view.page + 1) * kLogsPerPage < logs->total);
  data.set("olderHref", logs_href(view, view.page + 1));
  return {};
}

// What is running now (sync.js shows the same words from /api/v1/sync/status).
void add_activity(const sync::SyncService* sync, Data& data) {
  const sync::SyncActivity activity = sync != nullptr ? sync->activity() : sync::SyncActivity{};
  data.set("running", activity.running);
  data.set("activity", sync::describe(activity));
}

void add_connection(const http::IntegrationProbe& probe, Data& data) {
  data.set("connectionTone", std::string("neutral"));
  data.set("connectionLabel", std::string("Off"));
  if (!probe) {
    data.set("connection", std::string("Not configured: set JOBNIMBUS_API_KEY and restart gep."));
    return;
  }
  const http::IntegrationHealth health = probe();
  const std::string when = format_when(health.checked_at);
  data.set("connectionTone", std::string(health.ok ? "success" : "failed"));
  data.set("connectionLabel", std::string(health.ok ? "OK" : "Down"));
  data.set("connection", health.ok ? "Connected: JobNimbus answered at " + when + "."
                                   : "JobNimbus did not answer at " + when + ": " + health.message);
}

Status add_writebacks(domain::DataStore& store, Data& data) {
  int64_t pending_total = 0;
  int64_t dead_total = 0;
  int64_t delivered_total = 0;
  int64_t conflict_total = 0;
  auto pending = outbox_rows(store, domain::OutboxStatus::pending, pending_total);
  auto dead = outbox_rows(store, domain::OutboxStatus::dead, dead_total);
  auto delivered = outbox_rows(store, domain::OutboxStatus::delivered, delivered_total);
  auto conflicts = conflict_rows(store, conflict_total);
  if (!pending || !dead || !delivered || !conflicts) {
    return fail("unavailable", "the outbox could not be read");
  }
  data.set("pending", *pending);
  data.set("pendingTotal", std::to_string(pending_total));
  data.set("dead", *dead);
  data.set("deadTotal", std::to_string(dead_total));
  data.set("delivered", *delivered);
  data.set("deliveredTotal", std::to_string(delivered_total));
  data.set("conflicts", *conflicts);
  data.set("conflictTotal", std::to_string(conflict_total));
  return {};
}

std::optional<LogView> log_view(const http::Request& request) {
  const auto page = positive_integer(
      request.get_param_value("logs").empty() ? "0" : request.get_param_value("logs"));
  if (!page || *page > kMaxLogPage) return std::nullopt;
  LogView view{*page, std::nullopt, request.get_param_value("status")};
  if (view.status_text.empty()) return view;
  view.status = domain::parse_sync_status(view.status_text);
  if (!view.status) return std::nullopt;
  return view;
}

void sync_page(const SyncPagesDeps& deps, const http::Request& request, http::Response& response) {
  const auto view = log_view(request);
  if (!view) {
    return deps.pages.send_error(request, response, 400, "This view cannot be shown",
                                 "logs must be a page number from 0 to 10000, and status one of "
                                 "SUCCESS, PARTIAL or FAILED.");
  }
  Data data;
  data.set("configured", deps.sync != nullptr);
  data.set("csrf", request.session_csrf);
  data.set("busy", request.get_param_value("busy") == "1");
  add_activity(deps.sync, data);
  add_connection(deps.jobnimbus_health, data);
  if (!add_logs(deps.store, *view, data) || !add_writebacks(deps.store, data)) {
    return deps.pages.send_error(request, response, 503, "The sync page is unavailable",
                                 "The sync log or the outbox could not be read. Try again in a "
                                 "moment.");
  }
  deps.pages.send(request, response, 200, "sync", data, "Sync");
}

void run_sync(const SyncPagesDeps& deps, const http::Request& request, http::Response& response) {
  const auto entity = entity_named(request.get_param_value("entity"));
  if (!entity) {
    return deps.pages.send_error(request, response, 400, "Unknown sync",
                                 "Choose jobs, contacts or files.");
  }
  if (deps.sync == nullptr) {
    return deps.pages.send_error(request, response, 503, "JobNimbus is not configured",
                                 "Set JOBNIMBUS_API_KEY and restart gep to sync.");
  }
  const auto report = deps.sync->pull(*entity, sync::PullMode::incremental, "dashboard");
  redirect(response, report ? "/sync" : "/sync?busy=1");
}

void retry(const SyncPagesDeps& deps, const http::Request& request, http::Response& response,
           const std::string& id_text) {
  const auto id = positive_integer(id_text);
  if (!id) {
    return deps.pages.send_error(request, response, 404, "No such write-back",
                                 "There is no write-back " + id_text + ".");
  }
  const auto retried = deps.store.outbox().retry_dead(*id, to_unix_seconds(deps.clock.now()));
  if (!retried) {
    return deps.pages.send_error(request, response, 503, "The retry failed",
                                 "The write-back could not be queued again. Try again in a "
                                 "moment.");
  }
  if (!*retried) {
    return deps.pages.send_error(request, response, 409, "Nothing to retry",
                                 "Only a write-back that failed for good can be retried; this "
                                 "one is not (any more).");
  }
  if (deps.wake_outbox) deps.wake_outbox();
  redirect(response, "/sync");
}

void resolve(const SyncPagesDeps& deps, const http::Request& request, http::Response& response,
             const std::string& id_text) {
  const auto id = positive_integer(id_text);
  const auto keep = domain::parse_conflict_side(request.get_param_value("keep"));
  if (!id || !keep) {
    return deps.pages.send_error(request, response, 400, "Unknown choice",
                                 "Keep either the local or the JobNimbus value.");
  }
  const auto resolved = sync::resolve_conflict(deps.store, *id, *keep, request.principal,
                                               to_unix_seconds(deps.clock.now()));
  if (!resolved) {
    const bool gone = resolved.error().code == "not_found" || resolved.error().code == "conflict";
    return deps.pages.send_error(request, response, gone ? 409 : 503,
                                 "The conflict was not resolved", resolved.error().message);
  }
  if (*keep == domain::ConflictSide::local && deps.wake_outbox) deps.wake_outbox();
  redirect(response, "/sync");
}

}  // namespace

void add_sync_pages(http::Router& router, const SyncPagesDeps& deps) {
  router.get("/sync", http::Access::staff_page,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams&) { sync_page(deps, request, response); });
  router.post("/sync/run", http::Access::staff_page,
              [deps](const http::Request& request, http::Response& response,
                     const http::PathParams&) { run_sync(deps, request, response); });
  router.post(
      "/sync/outbox/:id/retry", http::Access::staff_page,
      [deps](const http::Request& request, http::Response& response,
             const http::PathParams& params) { retry(deps, request, response, params.at("id")); });
  router.post("/sync/conflicts/:id/resolve", http::Access::staff_page,
              [deps](const http::Request& request, http::Response& response,
                     const http::PathParams& params) {
                resolve(deps, request, response, params.at("id"));
              });
}

}  // namespace gep::web

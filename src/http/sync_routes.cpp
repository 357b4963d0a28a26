#include "http/sync_routes.h"

#include "http/job_lookup.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/record_json.h"

namespace gep::http {
namespace {

bool require_sync(sync::SyncService* sync, Response& response) {
  if (sync != nullptr) return true;
  send_error(response, ErrorCode::jobnimbus_not_configured,
             "JobNimbus is not configured: set JOBNIMBUS_API_KEY and restart gep");
  return false;
}

void send_busy(Response& response) {
  send_error(response, ErrorCode::sync_in_progress,
             "a sync is already running; try again when it ends");
}

void pull(sync::SyncService* sync, sync::PullEntity entity, const Request& request,
          Response& response) {
  if (!require_sync(sync, response)) return;
  const auto full = bool_param(request, response, "full", false);
  if (!full) return;
  const auto report =
      sync->pull(entity, *full ? sync::PullMode::full : sync::PullMode::incremental, "api");
  if (!report) return send_busy(response);
  send_json(response, 200,
            {{"fetched", report->fetched},
             {"created", report->created},
             {"updated", report->updated},
             {"failed", report->failed},
             {"errors", report->errors},
             {"unchanged", report->unchanged},
             {"deleted", report->deleted},
             {"repaired", report->repaired},
             {"status", std::string(domain::to_string(report->status))},
             {"requests", report->requests},
             {"durationMs", report->duration_ms}});
}

// Which jobs a targeted photo sync covers: one (?jobId), the N most recently updated (?limit),
// or every active job.
std::optional<std::vector<std::string>> photo_sync_targets(domain::Repositories& store,
                                                           const Request& request,
                                                           Response& response) {
  if (request.has_param("jobId")) {
    const std::string key = request.get_param_value("jobId");
    const auto job = find_job(store.jobs(), key);
    if (!job) return send_failure(response, job.error()), std::nullopt;
    if (!job->has_value())
      return send_error(response, ErrorCode::not_found, "no job " + key), std::nullopt;
    return std::vector<std::string>{(*job)->jnid};
  }
  if (request.has_param("limit")) {
    const auto limit = integer_param(request, response, "limit", 10, 1, 10000);
    if (!limit) return std::nullopt;
    const auto page = store.jobs().list({*limit, 0, "", "", false, ""});
    if (!page) return send_failure(response, page.error()), std::nullopt;
    std::vector<std::string> jnids;
    for (const auto& job : page->items) jnids.push_back(job.jnid);
    return jnids;
  }
  auto all = store.jobs().list_jnids(domain::Presence::active);
  if (!all) return send_failure(response, all.error()), std::nullopt;
  return std::move(all.value());
}

void sync_photos(domain::Repositories& store, sync::SyncService* sync, const Request& request,
                 Response& response) {
  if (!require_sync(sync, response)) return;
  const auto targets = photo_sync_targets(store, request, response);
  if (!targets) return;
  const auto report = sync->sync_files_of(*targets);
  if (!report) return send_busy(response);
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& error : report->errors)
    errors.push_back({{"jobId", error.job_id}, {"error", error.error}});
  send_json(response, 200,
            {{"total", report->total},
             {"succeeded", report->succeeded},
             {"failed", report->failed},
             {"errors", errors},
             {"totalPhotosSynced", report->total_photos_synced}});
}

void send_logs(domain::Repositories& store, const Request& request, Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  domain::SyncLogQuery query{paging->limit, paging->offset, {}};
  if (request.has_param("status")) {
    query.status = domain::parse_sync_status(request.get_param_value("status"));
    if (!query.status) {
      return send_error(response, ErrorCode::validation,
                        "status must be SUCCESS, FAILED or PARTIAL");
    }
  }
  const auto page = store.sync_logs().list(query);
  if (!page) return send_failure(response, page.error());
  nlohmann::json logs = nlohmann::json::array();
  for (const auto& log : page->items) logs.push_back(sync_log_json(log));
  send_json(response, 200, {{"logs", logs}, {"total", page->total}});
}

}  // namespace

nlohmann::json sync_status_json(const sync::SyncService* sync,
                                const IntegrationProbe& jobnimbus_health) {
  const sync::SyncActivity activity = sync != nullptr ? sync->activity() : sync::SyncActivity{};
  nlohmann::json body = {{"running", activity.running},
                         {"what", activity.running ? nlohmann::json(activity.what) : nullptr},
                         {"trigger", activity.running ? nlohmann::json(activity.trigger) : nullptr},
                         {"startedAt", time_or_null(activity.started_at)},
                         {"fetched", activity.fetched},
                         {"total", activity.total},
                         {"summary", sync::describe(activity)}};
  body["jobnimbus"] = integration_health_json(jobnimbus_health);
  return body;
}

void add_sync_routes(Router& router, domain::Repositories& store, sync::SyncService* sync,
                     ListCache& lists, IntegrationProbe jobnimbus_health) {
  for (const auto entity : sync::kPullOrder) {
    router.post("/api/v1/sync/" + std::string(sync::to_string(entity)), Access::internal,
                [sync, entity](const Request& request, Response& response, const PathParams&) {
                  pull(sync, entity, request, response);
                });
  }
  router.post("/api/v1/sync/photos", Access::internal,
              [&store, sync](const Request& request, Response& response, const PathParams&) {
                sync_photos(store, sync, request, response);
              });
  router.get("/api/v1/sync/summary", Access::internal,
             [&store](const Request&, Response& response, const PathParams&) {
               const auto latest = store.sync_logs().latest();
               if (!latest) return send_failure(response, latest.error());
               send_json(response, 200,
                         latest->has_value() ? sync_log_json(**latest) : nlohmann::json(nullptr));
             });
  router.get("/api/v1/sync/logs", Access::internal,
             [&store, &lists](const Request& request, Response& response, const PathParams&) {
               lists.answer(request, response, {"sync_logs"},
                            [&] { send_logs(store, request, response); });
             });
  router.get("/api/v1/sync/status", Access::internal,
             [sync, probe = std::move(jobnimbus_health)](const Request&, Response& response,
                                                         const PathParams&) {
               send_json(response, 200, sync_status_json(sync, probe));
             });
}

}  // namespace gep::http

// The outbox listing and retry, and the conflicts of item 9 (see writeback_routes.h).
#include <charconv>

#include "core/json_input.h"
#include "http/json_response.h"
#include "http/outbox_json.h"
#include "http/query_params.h"
#include "http/record_json.h"
#include "sync/conflicts.h"

namespace gep::http {
namespace {

using nlohmann::json;

std::optional<int64_t> id_param(const PathParams& params, Response& response) {
  const std::string& text = params.at("id");
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error == std::errc{} && end == text.data() + text.size() && id > 0) return id;
  send_error(response, ErrorCode::validation, "the id must be a positive integer");
  return std::nullopt;
}

void list_outbox(domain::DataStore& store, const Request& request, Response& response) {
  domain::OutboxQuery query;
  const auto paging = page_params(request, response);
  if (!paging) return;
  query.limit = paging->limit;
  query.offset = paging->offset;
  if (request.has_param("status")) {
    query.status = domain::parse_outbox_status(request.get_param_value("status"));
    if (!query.status) {
      return send_error(response, ErrorCode::validation,
                        "status must be pending, in_flight, delivered or dead");
    }
  }
  query.job_jnid = request.get_param_value("jobId");
  const auto page = store.outbox().list(query);
  if (!page) return send_failure(response, page.error());
  json items = json::array();
  for (const auto& item : page->items) items.push_back(outbox_item_json(item));
  send_json(response, 200, {{"items", items}, {"total", page->total}});
}

void get_item(domain::DataStore& store, const PathParams& params, Response& response) {
  const auto id = id_param(params, response);
  if (!id) return;
  const auto item = store.outbox().find(*id);
  if (!item) return send_failure(response, item.error());
  if (!item->has_value()) return send_error(response, ErrorCode::not_found, "no outbox item");
  send_json(response, 200, outbox_item_json(**item));
}

void retry_item(domain::DataStore& store, Clock& clock, const std::function<void()>& queued,
                const PathParams& params, Response& response) {
  const auto id = id_param(params, response);
  if (!id) return;
  const auto retried = store.outbox().retry_dead(*id, to_unix_seconds(clock.now()));
  if (!retried) return send_failure(response, retried.error());
  const auto item = store.outbox().find(*id);
  if (!item) return send_failure(response, item.error());
  if (!item->has_value()) return send_error(response, ErrorCode::not_found, "no outbox item");
  if (!*retried) {
    return send_error(response, ErrorCode::not_dead,
                      "only a dead item can be retried; this one is " +
                          std::string(domain::to_string((*item)->status)));
  }
  if (queued) queued();
  send_json(response, 200, outbox_item_json(**item));
}

void list_conflicts(domain::DataStore& store, const Request& request, Response& response) {
  const auto paging = page_params(request, response);
  if (!paging) return;
  std::optional<domain::ConflictStatus> status;
  if (request.has_param("status")) {
    status = domain::parse_conflict_status(request.get_param_value("status"));
    if (!status)
      return send_error(response, ErrorCode::validation, "status must be open or resolved");
  }
  const auto page = store.conflicts().list(status, paging->limit, paging->offset);
  if (!page) return send_failure(response, page.error());
  json conflicts = json::array();
  for (const auto& conflict : page->items) conflicts.push_back(conflict_json(conflict));
  send_json(response, 200, {{"conflicts", conflicts}, {"total", page->total}});
}

void resolve(domain::DataStore& store, Clock& clock, const std::function<void()>& queued,
             const Request& request, const PathParams& params, Response& response) {
  const auto id = id_param(params, response);
  if (!id) return;
  const json body = parse_json_or_discarded(request.body);
  const auto keep_member = body.is_object() ? body.find("keep") : body.end();
  std::optional<domain::ConflictSide> keep;
  if (body.is_object() && keep_member != body.end() && keep_member->is_string()) {
    keep = domain::parse_conflict_side(keep_member->get<std::string>());
  }
  if (!keep) return send_error(response, ErrorCode::validation, "keep must be 'local' or 'remote'");
  const auto resolved =
      sync::resolve_conflict(store, *id, *keep, "api", to_unix_seconds(clock.now()));
  if (!resolved) {
    return send_failure(response, resolved.error());
  }
  if (*keep == domain::ConflictSide::local && queued) queued();
  send_json(response, 200, conflict_json(*resolved));
}

}  // namespace

json outbox_item_json(const domain::OutboxItem& item) {
  json payload = json::parse(item.payload_json, nullptr, false);
  if (payload.is_object()) payload.erase("contentBase64");
  return {{"id", item.id},
          {"kind", std::string(domain::to_string(item.kind))},
          {"jobId", item.job_id == 0 ? json(nullptr) : json(item.job_id)},
          {"jobNimbusJobId", item.job_jnid},
          {"payload", payload.is_discarded() ? json(nullptr) : payload},
          {"status", std::string(domain::to_string(item.status))},
          {"attempts", item.attempts},
          {"maxAttempts", item.max_attempts},
          {"nextAttemptAt", time_or_null(item.next_attempt_at)},
          {"lastError", item.last_error},
          {"outcomeUnknown", item.outcome_unknown},
          {"jobNimbusId", item.result_jnid.empty() ? json(nullptr) : json(item.result_jnid)},
          {"source", item.source},
          {"createdAt", time_or_null(item.created_at)},
          {"updatedAt", time_or_null(item.updated_at)},
          {"deliveredAt", time_or_null(item.delivered_at.value_or(0))}};
}

json conflict_json(const domain::Conflict& conflict) {
  return {{"id", conflict.id},
          {"jobId", conflict.job_id == 0 ? json(nullptr) : json(conflict.job_id)},
          {"jobNimbusJobId", conflict.job_jnid},
          {"entity", conflict.entity},
          {"field", conflict.field},
          {"localValue", conflict.local_value},
          {"remoteValue", conflict.remote_value},
          {"localChangedAt", time_or_null(conflict.local_changed_at)},
          {"remoteChangedAt", time_or_null(conflict.remote_changed_at)},
          {"outboxId", conflict.outbox_id == 0 ? json(nullptr) : json(conflict.outbox_id)},
          {"status", std::string(domain::to_string(conflict.status))},
          {"resolution", conflict.resolution
                             ? json(std::string(domain::to_string(*conflict.resolution)))
                             : json(nullptr)},
          {"resolvedBy", conflict.resolved_by},
          {"createdAt", time_or_null(conflict.created_at)},
          {"resolvedAt", time_or_null(conflict.resolved_at.value_or(0))}};
}

void add_outbox_routes(Router& router, domain::DataStore& store, Clock& clock, ListCache& lists,
                       std::function<void()> queued) {
  router.get("/api/v1/sync/outbox", Access::internal,
             [&store, &lists](const Request& request, Response& response, const PathParams&) {
               lists.answer(request, response, {"outbox"},
                            [&] { list_outbox(store, request, response); });
             });
  router.get("/api/v1/sync/outbox/:id", Access::internal,
             [&store](const Request&, Response& response, const PathParams& params) {
               get_item(store, params, response);
             });
  router.post(
      "/api/v1/sync/outbox/:id/retry", Access::internal,
      [&store, &clock, queued](const Request&, Response& response, const PathParams& params) {
        retry_item(store, clock, queued, params, response);
      });
  router.get("/api/v1/sync/conflicts", Access::internal,
             [&store, &lists](const Request& request, Response& response, const PathParams&) {
               lists.answer(request, response, {"conflicts"},
                            [&] { list_conflicts(store, request, response); });
             });
  router.post("/api/v1/sync/conflicts/:id/resolve", Access::internal,
              [&store, &clock, queued](const Request& request, Response& response,
                                       const PathParams& params) {
                resolve(store, clock, queued, request, params, response);
              });
}

}  // namespace gep::http

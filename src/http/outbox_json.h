#pragma once
// How outbox items and conflicts look in the API (camelCase, ISO 8601 UTC times). An
// attachment's content is never echoed back: its size stands in for it.
#include <functional>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "domain/data_store.h"
#include "domain/outbox.h"
#include "http/list_cache.h"
#include "http/router.h"

namespace gep::http {

nlohmann::json outbox_item_json(const domain::OutboxItem& item);
nlohmann::json conflict_json(const domain::Conflict& conflict);

// The outbox listing, retry and conflict routes (writeback_routes.h adds the enqueueing ones):
//   GET  /api/v1/sync/outbox?status&jobId&limit&offset -> {items, total}
//   GET  /api/v1/sync/outbox/:id
//   POST /api/v1/sync/outbox/:id/retry    replays a dead item (409 when it is not dead)
//   GET  /api/v1/sync/conflicts?status&limit&offset -> {conflicts, total}
//   POST /api/v1/sync/conflicts/:id/resolve {keep: 'local'|'remote'}
// The two listings are answered through `lists` (http/list_cache.h).
void add_outbox_routes(Router& router, domain::DataStore& store, Clock& clock, ListCache& lists,
                       std::function<void()> queued);

}  // namespace gep::http

#pragma once
#include "domain/data_store.h"
#include "http/integration_routes.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "sync/sync_service.h"

namespace gep::http {

// The guide's sync endpoints: POST /api/v1/sync/jobs|contacts|files (?full=true), GET
// /api/v1/sync/summary, GET /api/v1/sync/logs?limit&offset&status=SUCCESS|FAILED|PARTIAL, POST
// /api/v1/sync/photos?jobId|limit. `sync` is null when JobNimbus is not configured: the POSTs
// then answer 503 saying so.
// GET /api/v1/sync/status (the sync page polls it): {running, what, trigger, startedAt, fetched,
// total, summary (sync::describe), jobnimbus: {status:'ok'|'error'|'not_configured', message?,
// checkedAt}}.
void add_sync_routes(Router& router, domain::Repositories& store, sync::SyncService* sync,
                     ListCache& lists, IntegrationProbe jobnimbus_health);

// The status body: what `sync` is doing now, and JobNimbus's (cached) health.
nlohmann::json sync_status_json(const sync::SyncService* sync,
                                const IntegrationProbe& jobnimbus_health);

}  // namespace gep::http

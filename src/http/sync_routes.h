#pragma once
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "sync/sync_service.h"

namespace gep::http {

// The guide's sync endpoints: POST /api/v1/sync/jobs|contacts|files (?full=true), GET
// /api/v1/sync/summary, GET /api/v1/sync/logs?limit&offset, POST /api/v1/sync/photos?jobId|limit.
// `sync` is null when JobNimbus is not configured: the POSTs then answer 503 saying so.
void add_sync_routes(Router& router, domain::Repositories& store, sync::SyncService* sync,
                     ListCache& lists);

}  // namespace gep::http

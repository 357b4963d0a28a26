#pragma once
// The sync page (staff):
//   GET  /sync?logs=N&status=S             run a sync now, and what is running (sync.js polls
//                                          /api/v1/sync/status to show its progress); JobNimbus
//                                          connection health (cached 30 s); the sync log (20 a
//                                          page, newest first, S = SUCCESS|FAILED|PARTIAL);
//                                          write-backs queued, dead-lettered (with retry) and
//                                          delivered; open conflicts with both values
//   POST /sync/run                         entity=jobs|contacts|files: an incremental pull,
//                                          then back to /sync, which shows its log line
//   POST /sync/outbox/:id/retry            a dead-lettered write-back goes back to the queue
//   POST /sync/conflicts/:id/resolve       keep=local|remote
// The same services as /api/v1/sync/*: SyncService::pull, the outbox's retry_dead and
// sync::resolve_conflict.
#include <functional>

#include "core/clock.h"
#include "domain/data_store.h"
#include "http/integration_routes.h"
#include "http/router.h"
#include "sync/sync_service.h"
#include "web/page_response.h"

namespace gep::web {

struct SyncPagesDeps {
  domain::DataStore& store;
  sync::SyncService* sync;  // null when JobNimbus is not configured
  const Clock& clock;
  std::function<void()> wake_outbox;
  http::IntegrationProbe jobnimbus_health;  // null when JobNimbus is not configured
  const Pages& pages;
};

void add_sync_pages(http::Router& router, const SyncPagesDeps& deps);

}  // namespace gep::web

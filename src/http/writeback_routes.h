#pragma once
// Write-backs to JobNimbus through the outbox (issue 4, items 7-9). Every route is internal.
//   POST /api/v1/jobs/:jobId/notes        {text}
//   POST /api/v1/jobs/:jobId/tasks        {title, description?, dueDate?}
//   POST /api/v1/jobs/:jobId/status       {status}
//   POST /api/v1/jobs/:jobId/attachments  multipart/form-data (file, fileType?, description?)
//                                         or JSON {fileName, contentBase64, fileType?,
//                                         description?}
//     -> 202 with the queued outbox item; 400 bad input, 404 unknown job, 422 job without a
//        JobNimbus id ("Job not synced with JobNimbus"), 409 job deleted in JobNimbus.
//   GET  /api/v1/sync/outbox?status&jobId&limit&offset -> {items, total}
//   GET  /api/v1/sync/outbox/:id
//   POST /api/v1/sync/outbox/:id/retry    replays a dead item (409 when it is not dead)
//   GET  /api/v1/sync/conflicts?status&limit&offset -> {conflicts, total}
//   POST /api/v1/sync/conflicts/:id/resolve {keep: 'local'|'remote'}
// :jobId is our id or the JobNimbus jnid.
#include <functional>

#include "core/clock.h"
#include "domain/data_store.h"
#include "http/router.h"

namespace gep::http {

// `queued` is called after an item was committed (gep serve wakes its outbox worker).
void add_writeback_routes(Router& router, domain::DataStore& store, Clock& clock,
                          std::function<void()> queued = {});

}  // namespace gep::http

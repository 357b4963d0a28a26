#pragma once
// Write-backs to JobNimbus through the outbox. Every route is internal.
//   POST /api/v1/jobs/:jobId/notes        {text}
//   POST /api/v1/jobs/:jobId/tasks        {title, description?, dueDate?}
//   POST /api/v1/jobs/:jobId/status       {status}
//   POST /api/v1/jobs/:jobId/attachments  multipart/form-data (file, fileType?, description?)
//                                         or JSON {fileName, contentBase64, fileType?,
//                                         description?}
//     -> 202 with the queued outbox item; 400 bad input, 404 unknown job, 422 job without a
//        JobNimbus id ("Job not synced with JobNimbus"), 409 job deleted in JobNimbus.
// The outbox and conflict routes are in outbox_json.h.
// :jobId is our id or the JobNimbus jnid.
#include "http/router.h"
#include "sync/writeback_service.h"

namespace gep::http {

void add_writeback_routes(Router& router, const sync::WritebackService& writebacks);

}  // namespace gep::http

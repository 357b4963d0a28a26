#pragma once
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "qc/qc_service.h"

namespace gep::http {

// The guide's QC endpoints (staff only). :jobId is our id or the JobNimbus jnid.
//   POST /api/v1/qc/jobs/:jobId/evaluate  -> QCCheckResult (404 for an unknown job)
//   POST /api/v1/qc/evaluate-all          -> {total, succeeded, failed, errors: [{jobId, error}]}
//   GET  /api/v1/qc/jobs/:jobId           -> QCCheckResult, or null when never evaluated
//   GET  /api/v1/qc/jobs?status&limit&offset -> [{jobId, jobName, qcStatus, totalPhotos,
//        beforeCount, duringCount, afterCount, lastCheckedAt}], the total in X-Total-Count
void add_qc_routes(Router& router, domain::Repositories& store, qc::QcService& qc,
                   ListCache& lists);

}  // namespace gep::http

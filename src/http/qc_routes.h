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

// The QC overview's status filter: "" for any, PASS, FAIL or NOT_CHECKED (any case); a
// "validation" error otherwise. The QC page reads its URL the same way.
Result<std::string> qc_status_filter(const Request& request);

void add_qc_routes(Router& router, domain::Repositories& store, qc::QcService& qc,
                   ListCache& lists);

}  // namespace gep::http

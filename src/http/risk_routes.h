#pragma once
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "risk/risk_service.h"

namespace gep::http {

// The guide's risk endpoints (staff only). :jobId is our id or the JobNimbus jnid.
//   POST /api/v1/risk/jobs/:jobId/evaluate -> JobRiskSnapshotDTO (404 for an unknown job)
//   POST /api/v1/risk/evaluate-all         -> {totalJobs, evaluated, errors: [string]}
//   GET  /api/v1/risk/jobs/:jobId          -> JobRiskSnapshotDTO, 404 when none
//   GET  /api/v1/risk/jobs?level&reason&status&q&sort&limit&offset|after -> JobRiskSnapshotDTO[],
//        the total in X-Total-Count; status is the job's status name, q text its number, name,
//        customer or address contains; sort is riskLevel (default, highest first), evaluatedAt,
//        jobName, jobNumber, customer, status or daysInStatus, with a leading "-" for descending.
// The filters and order of the risk list (level, reason, status, q, sort) from `request` into
// `query`; a "validation" error saying what is wrong otherwise. The risk page reads its URL the
// same way.
Result<domain::RiskListQuery> risk_list_filters(const Request& request,
                                                domain::RiskListQuery query);

void add_risk_routes(Router& router, domain::Repositories& store, risk::RiskService& risk,
                     ListCache& lists);

}  // namespace gep::http

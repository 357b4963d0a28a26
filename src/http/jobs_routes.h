#pragma once
#include "domain/job_details.h"
#include "http/list_cache.h"
#include "http/router.h"

namespace gep::http {

// GET /api/v1/jobs?limit&offset&status&q&includeDeleted -> {jobs, total}
// GET /api/v1/jobs/:id -> the job with its contacts, photos and documents
void add_jobs_routes(Router& router, const domain::JobDirectory& jobs, ListCache& lists);

}  // namespace gep::http

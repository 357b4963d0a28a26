#pragma once
// The QC pages (staff):
//   GET  /qc?status&after       the guide's overview table: job, QC status, total, BEFORE /
//                               DURING / AFTER counts, last checked; 50 a page by the cursor
//   GET  /qc/:jobId             one job's photos by category, each with why it was classified
//                               so and duplicates marked, and what is missing
//   POST /qc/:jobId/evaluate    re-checks the job, then back to its page
// They read through the same queries and DTO as GET /api/v1/qc/jobs[/:jobId].
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "qc/qc_service.h"
#include "web/page_response.h"

namespace gep::web {

struct QcPagesDeps {
  domain::Repositories& store;
  qc::QcService& qc;
  http::ListCache& lists;
  const Pages& pages;
};

void add_qc_pages(http::Router& router, const QcPagesDeps& deps);

}  // namespace gep::web

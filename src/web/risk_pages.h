#pragma once
// The guide's risk pages (staff):
//   GET  /risk?level&reason&sort&after     the overview table, 50 a page by the keyset cursor;
//                                          the filters live in the URL, so a view can be shared
//   GET  /risk/:jobId                      one job: each reason with its numbers and action,
//                                          the level over time, the QC summary, JobNimbus link
//   POST /risk/:jobId/evaluate             re-evaluates, then back to the detail page
// They read through the same query and DTO as GET /api/v1/risk/jobs, and are cached on the same
// tables.
#include "core/clock.h"
#include "domain/data_store.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "risk/risk_service.h"
#include "web/page_response.h"

namespace gep::web {

struct RiskPagesDeps {
  domain::Repositories& store;
  risk::RiskService& risk;
  http::ListCache& lists;
  const Pages& pages;
  const Clock& clock;
};

void add_risk_pages(http::Router& router, const RiskPagesDeps& deps);

}  // namespace gep::web

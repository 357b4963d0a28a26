#pragma once
// The jobs pages (staff):
//   GET  /jobs?q&status&includeDeleted&after  the mirror's jobs, searchable (the same search as
//                                            GET /api/v1/jobs), 50 a page by the cursor
//   GET  /jobs/:jobId                         one job: its record, contacts, files, links to its
//                                            risk and QC pages and to JobNimbus, and the notes
//                                            and tasks written back for it with their delivery
//   POST /jobs/:jobId/notes  (text)           queue a note for JobNimbus through the outbox
//   POST /jobs/:jobId/tasks  (title, description)  queue a task the same way
// Both forms answer 303 to `next` (a local path) or the job's page, where the item shows as
// queued, then delivered or failed with a retry on /sync.
#include <functional>
#include <string>

#include "domain/data_store.h"
#include "domain/job_details.h"
#include "http/list_cache.h"
#include "http/router.h"
#include "sync/writeback_service.h"
#include "web/page_response.h"

namespace gep::web {

struct JobsPagesDeps {
  const domain::JobDirectory& jobs;
  domain::Repositories& store;
  const sync::WritebackService& writebacks;
  http::ListCache& lists;
  const Pages& pages;
  std::string jobnimbus_app_url;  // JOBNIMBUS_APP_BASE_URL, for the deep link
};

void add_jobs_pages(http::Router& router, const JobsPagesDeps& deps);

}  // namespace gep::web

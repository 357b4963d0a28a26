#pragma once
// How a homeowner sees a job (portal::PortalJobView, an allow-list of what they may see): the
// stage tracker, what comes next, the shared photos and documents, the company's contact. The
// portal panel shares it; the customer portal's pages will too.
#include "portal/job_view.h"
#include "web/page_renderer.h"

namespace gep::web {

// {name, number, stageLabel, timeline, hasNextSteps, nextSteps, photoCount, hasPhotos, photos,
// documentCount, hasDocuments, documents, company}
Data portal_job_view(const portal::PortalJobView& view);

}  // namespace gep::web

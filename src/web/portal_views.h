#pragma once
// How a homeowner sees a job (portal::PortalJobView, an allow-list of what they may see): the
// stage tracker, what comes next, the shared photos and documents, the company's contact. The
// portal panel shares it; the customer portal's pages will too.
#include <functional>
#include <string>

#include "portal/job_view.h"
#include "web/page_renderer.h"

namespace gep::web {

// Where the page fetches a shared file from. The customer portal serves both through its own
// route (the session's sharing rules apply); a panel has signed thumbnails only. Unset: the file
// is listed by name, without a picture or a link.
struct SharedFileLinks {
  std::function<std::string(const portal::SharedFile&)> thumbnail;  // a 320-pixel JPEG
  std::function<std::string(const portal::SharedFile&)> download;   // the file itself
};

// {name, number, stageLabel, timeline, hasNextSteps, nextSteps, photoCount, hasPhotos, photos,
// documentCount, hasDocuments, documents, company}; each file has {title, caption, hasCaption,
// fileName, hasImage, imageSrc, hasDownload, downloadHref}.
Data portal_job_view(const portal::PortalJobView& view, const SharedFileLinks& links = {});

}  // namespace gep::web

#pragma once
// Photos served by gep rather than by JobNimbus's signed URLs (which would hand the browser a
// link anyone holding it can open):
//   GET /media/files/:fileJnid?w=160|320|640            staff page   any file of an active job
//   GET /media/signed/files/:fileId?w=…&exp=…&sig=…     open         the one thumbnail an embed
//                                                                    panel signed (signed_links.h)
// The customer portal's files are served by its own route (http/portal_routes.h), which applies
// the sharing rules. Files that are unknown, deleted, or not attached to an active job answer 404
// the same way, without asking JobNimbus.
#include "core/clock.h"
#include "domain/data_store.h"
#include "http/router.h"
#include "media/media_service.h"
#include "media/signed_links.h"
#include "web/page_response.h"

namespace gep::web {

struct MediaPagesDeps {
  domain::Repositories& store;
  media::MediaService* media;  // null when JobNimbus is not configured: every file is 404
  const media::SignedMediaLinks& signed_links;
  const Clock& clock;
  const Pages& pages;
};

void add_media_pages(http::Router& router, const MediaPagesDeps& deps);

}  // namespace gep::web

#pragma once
// The guide's three panels that JobNimbus shows in an iframe, opened by an embed link's token
// (no sign-in): GET /embed/qc, /embed/risk and /embed/portal ?token=…
// A token that is expired, invalid, for another panel or for a job that is gone gets a short
// page saying which (401 or 404), never a blank frame or JSON. Who may frame them is decided
// by EMBED_ALLOWED_ORIGINS (http/server.cpp's frame-ancestors). Photos load through signed
// /media URLs that expire with the token (media/signed_links.h): a panel has no cookies.
#include "core/clock.h"
#include "domain/data_store.h"
#include "embed/embed_links.h"
#include "http/router.h"
#include "media/signed_links.h"
#include "portal/portal_service.h"
#include "risk/risk_service.h"
#include "web/page_response.h"

namespace gep::web {

struct EmbedPagesDeps {
  domain::DataStore& store;
  const risk::RiskService& risk;
  portal::PortalService& portal;
  embed::EmbedLinkService& links;
  const media::SignedMediaLinks& signed_links;  // the panels' photo URLs
  const Clock& clock;
  const Pages& pages;
};

void add_embed_pages(http::Router& router, const EmbedPagesDeps& deps);

}  // namespace gep::web

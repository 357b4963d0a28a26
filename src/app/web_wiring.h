#pragma once
// The dashboard's pages in `gep serve`: templates and static files from the binary, staff
// sign-in for browsers, the overview, the risk, QC, jobs and sync pages, the embedded panels, and
// the friendly 404 for any other path outside /api/.
#include <functional>
#include <memory>

#include "auth/auth_service.h"
#include "core/clock.h"
#include "domain/data_store.h"
#include "domain/job_details.h"
#include "embed/embed_links.h"
#include "http/integration_routes.h"
#include "http/list_cache.h"
#include "http/server.h"
#include "media/media_service.h"
#include "media/signed_links.h"
#include "portal/access.h"
#include "portal/portal_service.h"
#include "portal/settings.h"
#include "qc/qc_service.h"
#include "risk/risk_service.h"
#include "sync/sync_service.h"
#include "sync/writeback_service.h"
#include "web/assets.h"
#include "web/page_renderer.h"
#include "web/page_response.h"

namespace gep::app {

struct WebServices {
  domain::DataStore& store;
  const domain::JobDirectory& jobs;
  const sync::WritebackService& writebacks;
  std::string jobnimbus_app_url;  // JOBNIMBUS_APP_BASE_URL ("" = JobNimbus's own)
  risk::RiskService& risk;
  qc::QcService& qc;
  sync::SyncService* sync;  // null when JobNimbus is not configured
  std::function<void()> wake_outbox;
  auth::AuthService& auth;
  embed::EmbedLinkService& links;
  portal::PortalService& portal;
  portal::PortalAccess& portal_access;
  portal::CompanyContact company;
  http::ListCache& lists;
  const Clock& clock;
  media::MediaService* media = nullptr;     // null when JobNimbus is not configured
  http::IntegrationProbe jobnimbus_health;  // null when JobNimbus is not configured
};

class WebWiring {
 public:
  // `company_name` heads the customer portal's pages (PORTAL_COMPANY_NAME) on `brand_colour`
  // (PORTAL_BRAND_COLOR, "#rrggbb"); the panels' photo URLs are signed with a key derived from
  // `embed_signing_secret` (EMBED_SIGNING_SECRET).
  WebWiring(std::string company_name, std::string_view brand_colour,
            std::string_view embed_signing_secret);
  // Every reference in `services` must outlive the server.
  void mount(http::HttpServer& server, const WebServices& services) const;

 private:
  web::PageRenderer renderer_;
  web::StaticAssets assets_;
  web::Pages pages_;
  media::SignedMediaLinks signed_links_;
};

}  // namespace gep::app

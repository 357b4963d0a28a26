#pragma once
// The dashboard's pages in `gep serve`: templates and static files from the binary, staff
// sign-in for browsers, the overview, the risk, QC and sync pages, the embedded panels, and the
// friendly 404 for any other path outside /api/.
#include <functional>
#include <memory>

#include "auth/auth_service.h"
#include "core/clock.h"
#include "domain/data_store.h"
#include "embed/embed_links.h"
#include "http/list_cache.h"
#include "http/server.h"
#include "portal/access.h"
#include "portal/portal_service.h"
#include "portal/settings.h"
#include "qc/qc_service.h"
#include "risk/risk_service.h"
#include "sync/sync_service.h"
#include "web/assets.h"
#include "web/page_renderer.h"
#include "web/page_response.h"

namespace gep::app {

struct WebServices {
  domain::DataStore& store;
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
};

class WebWiring {
 public:
  // `company_name` heads the customer portal's pages (PORTAL_COMPANY_NAME).
  explicit WebWiring(std::string company_name);
  // Every reference in `services` must outlive the server.
  void mount(http::HttpServer& server, const WebServices& services) const;

 private:
  web::PageRenderer renderer_;
  web::StaticAssets assets_;
  web::Pages pages_;
};

}  // namespace gep::app

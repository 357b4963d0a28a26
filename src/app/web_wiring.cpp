#include "app/web_wiring.h"

#include "web/embed_pages.h"
#include "web/jobs_pages.h"
#include "web/login_pages.h"
#include "web/media_pages.h"
#include "web/overview_page.h"
#include "web/page_guard.h"
#include "web/portal_pages.h"
#include "web/qc_pages.h"
#include "web/risk_pages.h"
#include "web/sync_pages.h"

namespace gep::app {

WebWiring::WebWiring(std::string company_name, std::string_view brand_colour,
                     std::string_view embed_signing_secret)
    : pages_(renderer_, assets_), signed_links_(embed_signing_secret) {
  assets_.set_brand_colour(brand_colour);
  pages_.set_company_name(std::move(company_name));
}

void WebWiring::mount(http::HttpServer& server, const WebServices& services) const {
  http::Router& router = server.router();
  router.set_page_guard(web::staff_page_guard(services.auth, pages_));
  assets_.mount(router);
  web::add_login_pages(router, services.auth, pages_);
  web::add_overview_page(router, services.store, services.lists, pages_, services.clock);
  web::add_risk_pages(router,
                      {services.store, services.risk, services.lists, pages_, services.clock});
  web::add_qc_pages(router, {services.store, services.qc, services.lists, pages_});
  web::add_jobs_pages(router,
                      {services.jobs, services.store, services.writebacks, services.lists, pages_,
                       services.jobnimbus_app_url.empty() ? risk::RiskConfig{}.app_base_url
                                                          : services.jobnimbus_app_url});
  web::add_sync_pages(router, {services.store, services.sync, services.clock, services.wake_outbox,
                               services.jobnimbus_health, pages_});
  web::add_embed_pages(router, {services.store, services.risk, services.portal, services.links,
                                signed_links_, services.clock, pages_});
  web::add_media_pages(router,
                       {services.store, services.media, signed_links_, services.clock, pages_});
  web::add_portal_pages(router,
                        {services.portal_access, services.portal, services.company, pages_});
  server.set_page_error([this](const http::Request& request, http::Response& response, int status) {
    if (status == 404) {
      return pages_.send_error(request, response, 404, "Page not found",
                               "There is no page at this address. Check the link, or start from "
                               "the overview.");
    }
    pages_.send_error(request, response, status, "Something went wrong",
                      "This page could not be shown. The error has been logged; try again in a "
                      "moment.");
  });
}

}  // namespace gep::app

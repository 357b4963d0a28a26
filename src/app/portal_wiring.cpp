#include "app/portal_wiring.h"

#include "http/portal_routes.h"
#include "store/repos/portal_access_repository.h"
#include "store/repos/portal_file_share_repository.h"

namespace gep::app {

Result<std::unique_ptr<PortalWiring>> PortalWiring::create(const Config& config,
                                                           store::Database& database,
                                                           const Clock& clock) {
  auto settings = portal::view_settings_from_config(config);
  if (!settings) return fail("config", settings.error().message);
  std::unique_ptr<PortalWiring> wiring(new PortalWiring());
  wiring->config_ = &config;
  wiring->links_ = store::make_magic_link_repository(database);
  wiring->sessions_ = store::make_portal_session_repository(database);
  wiring->shares_ = store::make_file_share_repository(database);
  wiring->access_ = std::make_unique<portal::PortalAccess>(
      *wiring->links_, *wiring->sessions_, clock, portal::access_settings_from_config(config));
  wiring->service_ =
      std::make_unique<portal::PortalService>(database, *wiring->shares_, std::move(*settings));
  return wiring;
}

void PortalWiring::mount(http::Router& router, media::MediaService* media) {
  http::PortalRoutes routes;
  routes.service = service_.get();
  routes.access = access_.get();
  routes.company_name = config_->portal_company_name;
  routes.secure_cookies = config_->portal_base_url.rfind("https://", 0) == 0;
  routes.media = media;
  http::add_portal_routes(router, routes);
  router.set_customer_guard(http::portal_customer_guard(*access_));
}

}  // namespace gep::app

#pragma once
// The customer portal's parts, built once per process: its repositories over the Database's
// pool, the sign-in service and the view service.
#include <memory>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "http/router.h"
#include "media/media_service.h"
#include "portal/access.h"
#include "portal/portal_service.h"
#include "store/database.h"

namespace gep::app {

class PortalWiring {
 public:
  // Fails when a portal setting is invalid (PORTAL_SHARED_PHOTO_CATEGORIES, ...).
  static Result<std::unique_ptr<PortalWiring>> create(const Config& config,
                                                      store::Database& database,
                                                      const Clock& clock);

  // Adds the portal routes and the customer guard; shared files are served through `media`
  // (null without JobNimbus: downloads answer 503).
  void mount(http::Router& router, media::MediaService* media);

  portal::PortalService& service() { return *service_; }
  portal::PortalAccess& access() { return *access_; }

 private:
  PortalWiring() = default;

  const Config* config_ = nullptr;
  std::unique_ptr<portal::MagicLinkRepository> links_;
  std::unique_ptr<portal::PortalSessionRepository> sessions_;
  std::unique_ptr<portal::FileShareRepository> shares_;
  std::unique_ptr<portal::PortalAccess> access_;
  std::unique_ptr<portal::PortalService> service_;
};

}  // namespace gep::app

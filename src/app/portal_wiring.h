#pragma once
// The customer portal's parts, built once per process: its repositories over the Database's
// pool, the sign-in service, the view service, and (with a JobNimbus key) file download links.
#include <memory>

#include "app/jobnimbus_file_links.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "http/router.h"
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

  // Adds the portal routes and the customer guard.
  void mount(http::Router& router);

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
  std::unique_ptr<JobNimbusFileLinks> file_links_;  // null without JOBNIMBUS_API_KEY
};

}  // namespace gep::app

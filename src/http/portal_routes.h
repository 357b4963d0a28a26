#pragma once
// The customer portal over HTTP (README "Customer portal"):
//   GET  /portal/login?token=…                  open      page with a button; never redeems
//   POST /api/v1/portal/session {token}          open      redeems the link, sets the cookie
//   POST /api/v1/portal/logout                   open      revokes the cookie's session
//   GET  /api/v1/portal/jobs                     customer  the session's contact's jobs
//   GET  /api/v1/portal/jobs/:jobId              customer  PortalJobView
//   GET  /api/v1/portal/jobs/:jobId/files/:fileId customer the shared file's bytes, through gep's
//                                                          media cache; ?w=160|320|640 a JPEG
//                                                          thumbnail of a photo
//   GET  /api/v1/portal/internal/jobs/:jobId     internal  PortalJobView (the staff preview)
// A job the session's contact is not related to answers exactly like one that does not exist.
#include <functional>
#include <string>

#include "core/result.h"
#include "http/router.h"
#include "media/media_service.h"
#include "portal/access.h"
#include "portal/portal_service.h"

namespace gep::http {

inline constexpr const char* kPortalCookie = "gep_portal";

struct PortalRoutes {
  portal::PortalService* service = nullptr;
  portal::PortalAccess* access = nullptr;
  std::string company_name;     // shown on the login page
  bool secure_cookies = false;  // PORTAL_BASE_URL is https
  // The bytes of JobNimbus files; null (no JobNimbus configured): downloads answer 503.
  media::MediaService* media = nullptr;
};

void add_portal_routes(Router& router, const PortalRoutes& routes);

// The guard of Access::customer routes: a live portal session cookie, or 401.
AccessGuard portal_customer_guard(portal::PortalAccess& access);

// The value of cookie `name` in the request's Cookie header(s), or "".
std::string cookie_value(const Request& request, const std::string& name);

}  // namespace gep::http

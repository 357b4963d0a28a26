#include "http/portal_routes.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>

#include "auth/cookies.h"
#include "core/json_input.h"
#include "core/logging.h"
#include "core/time_format.h"
#include "http/json_response.h"
#include "portal/login_page.h"
#include "portal/portal_json.h"

namespace gep::http {
namespace {

// The one answer for "not yours" and "not there": same status, same body.
void no_such_job(Response& response) {
  send_error(response, ErrorCode::not_found, "no such job");
}

void database_error(Response& response, const Error& error) {
  log::error("portal: {}", error.message);
  send_error(response, ErrorCode::database, "the portal could not read its data");
}

std::string session_cookie(const std::string& value, int64_t max_age, bool secure) {
  return auth::named_session_cookie(kPortalCookie, value, max_age, secure);
}

// The live session of the request (the guard has admitted it already).
std::optional<portal::PortalSession> current_session(portal::PortalAccess& access,
                                                     const Request& request, Response& response) {
  auto found = access.session(cookie_value(request, kPortalCookie), false);
  if (!found) {
    database_error(response, found.error());
    return std::nullopt;
  }
  if (!found->has_value()) {
    send_error(response, ErrorCode::unauthorized, "sign in to the customer portal");
    return std::nullopt;
  }
  return **found;
}

// "https://host:port" of a URL ("" when it has none): scheme and authority, lower-cased.
std::string origin_of_url(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "";
  const size_t path = url.find_first_of("/?#", scheme_end + 3);
  std::string origin(url.substr(0, path));
  for (char& c : origin) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return origin;
}

// The origins this server answers as: the Host the browser used, over http or https.
bool is_own_origin(const Request& request, const std::string& origin) {
  std::string host = request.get_header_value("Host");
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.empty()) return false;
  return origin == "https://" + host || origin == "http://" + host;
}

// Sec-Fetch-Site, when sent, decides: same-origin or none (typed, bookmarked). It is the
// browser's own word (no page can set it) and it is the only one left here: the magic-link page
// sends Referrer-Policy: no-referrer, under which a browser's form POST carries "Origin: null".
// Without it (old browsers, other clients), Origin must be this server's ("null" never is), and
// without Origin, so must a Referer.
bool from_same_origin(const Request& request) {
  if (request.has_header("Sec-Fetch-Site")) {
    const std::string site = request.get_header_value("Sec-Fetch-Site");
    return site == "same-origin" || site == "none";
  }
  if (request.has_header("Origin")) {
    return is_own_origin(request, origin_of_url(request.get_header_value("Origin")));
  }
  if (request.has_header("Referer")) {
    return is_own_origin(request, origin_of_url(request.get_header_value("Referer")));
  }
  return true;
}

std::string token_of(const Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) == 0) {
    const auto body = parse_json_or_discarded(request.body);
    if (body.is_object() && body.contains("token") && body["token"].is_string()) {
      return body["token"].get<std::string>();
    }
    return "";
  }
  return request.get_param_value("token");  // the login page's form
}

void sign_in(const PortalRoutes& routes, const Request& request, Response& response) {
  // Another site's page must not sign a visitor in to a session of its choosing (login CSRF):
  // browsers say where a request came from, and the login page posts from the same origin.
  if (!from_same_origin(request)) {
    return send_error(response, ErrorCode::cross_site, "sign in from the link's own page");
  }
  const bool from_form =
      request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
  auto opened = routes.access->sign_in(token_of(request));
  if (!opened) {
    if (opened.error().code == portal::kInvalidLink && from_form) {
      response.status = 303;  // a page that explains and says whom to ask for a new link
      response.set_header("Location", "/portal/link-expired");
      return;
    }
    if (opened.error().code == portal::kInvalidLink) {
      return send_error(response, ErrorCode::invalid_link, opened.error().message);
    }
    return database_error(response, opened.error());
  }
  const portal::PortalSession& session = opened->session;
  response.set_header(
      "Set-Cookie", session_cookie(opened->token, session.absolute_expires_at - session.created_at,
                                   routes.secure_cookies));
  response.set_header("Cache-Control", "no-store");
  if (from_form) {
    response.status = 303;
    response.set_header("Location", "/portal/");
    return;
  }
  const auto contact = routes.service->contact(session.contact_jnid);
  const auto jobs = routes.service->jobs_for_contact(session.contact_jnid);
  if (!contact) return database_error(response, contact.error());
  if (!jobs) return database_error(response, jobs.error());
  nlohmann::json contact_json = nullptr;
  if (contact->has_value()) {
    const domain::Contact& found = **contact;
    contact_json = {{"firstName", found.first_name},
                    {"displayName", found.display_name},
                    {"email", found.email}};
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& job : *jobs) list.push_back(portal::summary_json(job));
  send_json(response, 200,
            {{"contact", contact_json},
             {"jobs", list},
             {"expiresAt", format_iso8601_seconds(session.absolute_expires_at)}});
}

void sign_out(const PortalRoutes& routes, const Request& request, Response& response) {
  if (auto revoked = routes.access->sign_out(cookie_value(request, kPortalCookie)); !revoked) {
    return database_error(response, revoked.error());
  }
  response.set_header("Set-Cookie", session_cookie("", 0, routes.secure_cookies));
  send_json(response, 200, {{"signedOut", true}});
}

void list_jobs(const PortalRoutes& routes, const Request& request, Response& response) {
  const auto session = current_session(*routes.access, request, response);
  if (!session) return;
  const auto jobs = routes.service->jobs_for_contact(session->contact_jnid);
  if (!jobs) return database_error(response, jobs.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& job : *jobs) list.push_back(portal::summary_json(job));
  send_json(response, 200, {{"jobs", list}});
}

void customer_job(const PortalRoutes& routes, const Request& request, Response& response,
                  const std::string& key) {
  const auto session = current_session(*routes.access, request, response);
  if (!session) return;
  const auto view = routes.service->view_for_contact(key, session->contact_jnid);
  if (!view) return database_error(response, view.error());
  if (!view->has_value()) return no_such_job(response);
  send_json(response, 200, portal::to_json(**view));
}

// The file's bytes through gep, never a redirect to JobNimbus's signed URL (which anyone holding
// it could open). Originals are attachments: what JobNimbus stores is not ours to render.
void send_shared_file(media::MediaService& media, const Request& request, Response& response,
                      const std::string& file_jnid) {
  const bool thumbnail = request.has_param("w");
  int width = 0;
  if (thumbnail) {
    const std::string text = request.get_param_value("w");
    for (const int allowed : media::kThumbnailWidths) {
      if (text == std::to_string(allowed)) width = allowed;
    }
    if (width == 0) return send_error(response, ErrorCode::validation, "w must be 160, 320 or 640");
  }
  auto bytes = thumbnail ? media.thumbnail(file_jnid, width) : media.original(file_jnid);
  if (!bytes) {
    if (bytes.error().code == "not_found" || bytes.error().code == "media") {
      return send_error(response, ErrorCode::not_found, "no such file");
    }
    log::warn("portal: file download failed: {}", bytes.error().message);
    return send_error(response, ErrorCode::bad_gateway, "the file could not be fetched");
  }
  response.status = 200;
  response.set_header("Content-Type", bytes->content_type);
  response.set_header("Cache-Control", "private, max-age=3600");
  response.set_header("X-Content-Type-Options", "nosniff");
  if (!thumbnail) {
    response.set_header("Content-Disposition", "attachment");
    response.set_header("Content-Security-Policy", "sandbox");
  }
  response.body = std::move(bytes->bytes);
}

void customer_file(const PortalRoutes& routes, const Request& request, Response& response,
                   const PathParams& params) {
  const auto session = current_session(*routes.access, request, response);
  if (!session) return;
  int64_t file_id = 0;
  try {
    file_id = std::stoll(params.at("fileId"));
  } catch (const std::exception&) {
    return send_error(response, ErrorCode::not_found, "no such file");
  }
  const auto jnid =
      routes.service->shared_file_jnid(params.at("jobId"), session->contact_jnid, file_id);
  if (!jnid) return database_error(response, jnid.error());
  if (!jnid->has_value()) return send_error(response, ErrorCode::not_found, "no such file");
  if (routes.media == nullptr) {
    return send_error(response, ErrorCode::service_unavailable, "file downloads are not available");
  }
  send_shared_file(*routes.media, request, response, **jnid);
}

void internal_job(const PortalRoutes& routes, Response& response, const std::string& key) {
  const auto view = routes.service->view(key);
  if (!view) return database_error(response, view.error());
  if (!view->has_value()) return send_error(response, ErrorCode::not_found, "no job " + key);
  send_json(response, 200, portal::to_json(**view));
}

void login_page(const PortalRoutes& routes, const Request& request, Response& response) {
  response.set_header("Cache-Control", "no-store");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_content(
      portal::render_login_page(request.get_param_value("token"), routes.company_name),
      "text/html; charset=utf-8");
}

}  // namespace

std::string cookie_value(const Request& request, const std::string& name) {
  const auto [first, last] = request.headers.equal_range("Cookie");
  for (auto header = first; header != last; ++header) {
    auto found = auth::cookie_value(header->second, name);
    if (found) return std::move(*found);
  }
  return "";
}

AccessGuard portal_customer_guard(portal::PortalAccess& access) {
  return [&access](Request& request, Response& response) {
    const auto found = access.session(cookie_value(request, kPortalCookie), true);
    if (!found) {
      database_error(response, found.error());
      return false;
    }
    if (found->has_value()) {
      request.principal = "customer:" + (*found)->contact_jnid;
      return true;
    }
    send_error(response, ErrorCode::unauthorized, "sign in to the customer portal");
    return false;
  };
}

void add_portal_routes(Router& router, const PortalRoutes& routes) {
  router.get("/portal/login", Access::open,
             [routes](const Request& request, Response& response, const PathParams&) {
               login_page(routes, request, response);
             });
  router.post("/api/v1/portal/session", Access::open,
              [routes](const Request& request, Response& response, const PathParams&) {
                sign_in(routes, request, response);
              });
  router.post("/api/v1/portal/logout", Access::open,
              [routes](const Request& request, Response& response, const PathParams&) {
                sign_out(routes, request, response);
              });
  router.get("/api/v1/portal/jobs", Access::customer,
             [routes](const Request& request, Response& response, const PathParams&) {
               list_jobs(routes, request, response);
             });
  router.get("/api/v1/portal/jobs/:jobId", Access::customer,
             [routes](const Request& request, Response& response, const PathParams& params) {
               customer_job(routes, request, response, params.at("jobId"));
             });
  router.get("/api/v1/portal/jobs/:jobId/files/:fileId", Access::customer,
             [routes](const Request& request, Response& response, const PathParams& params) {
               customer_file(routes, request, response, params);
             });
  router.get("/api/v1/portal/internal/jobs/:jobId", Access::internal,
             [routes](const Request&, Response& response, const PathParams& params) {
               internal_job(routes, response, params.at("jobId"));
             });
}

}  // namespace gep::http

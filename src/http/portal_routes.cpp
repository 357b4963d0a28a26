#include "http/portal_routes.h"

#include <nlohmann/json.hpp>

#include "auth/cookies.h"
#include "core/logging.h"
#include "core/time_format.h"
#include "http/json_response.h"
#include "portal/login_page.h"
#include "portal/portal_json.h"

namespace gep::http {
namespace {

// The one answer for "not yours" and "not there": same status, same body.
void no_such_job(httplib::Response& response) {
  send_error(response, 404, "not_found", "no such job");
}

void database_error(httplib::Response& response, const Error& error) {
  log::error("portal: {}", error.message);
  send_error(response, 500, "database", "the portal could not read its data");
}

std::string session_cookie(const std::string& value, int64_t max_age, bool secure) {
  return auth::named_session_cookie(kPortalCookie, value, max_age, secure);
}

// The live session of the request (the guard has admitted it already).
std::optional<portal::PortalSession> current_session(portal::PortalAccess& access,
                                                     const httplib::Request& request,
                                                     httplib::Response& response) {
  auto found = access.session(cookie_value(request, kPortalCookie), false);
  if (!found) {
    database_error(response, found.error());
    return std::nullopt;
  }
  if (!found->has_value()) {
    send_error(response, 401, "unauthorized", "sign in to the customer portal");
    return std::nullopt;
  }
  return **found;
}

std::string token_of(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) == 0) {
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_object() && body.contains("token") && body["token"].is_string()) {
      return body["token"].get<std::string>();
    }
    return "";
  }
  return request.get_param_value("token");  // the login page's form
}

void sign_in(const PortalRoutes& routes, const httplib::Request& request,
             httplib::Response& response) {
  // Another site's page must not sign a visitor in to a session of its choosing (login CSRF):
  // browsers say where a request came from, and the login page posts from the same origin.
  if (request.get_header_value("Sec-Fetch-Site") == "cross-site") {
    return send_error(response, 403, "cross_site", "sign in from the link's own page");
  }
  const bool from_form =
      request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
  auto opened = routes.access->sign_in(token_of(request));
  if (!opened) {
    if (opened.error().code == portal::kInvalidLink) {
      return send_error(response, 401, std::string(portal::kInvalidLink), opened.error().message);
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

void sign_out(const PortalRoutes& routes, const httplib::Request& request,
              httplib::Response& response) {
  if (auto revoked = routes.access->sign_out(cookie_value(request, kPortalCookie)); !revoked) {
    return database_error(response, revoked.error());
  }
  response.set_header("Set-Cookie", session_cookie("", 0, routes.secure_cookies));
  send_json(response, 200, {{"signedOut", true}});
}

void list_jobs(const PortalRoutes& routes, const httplib::Request& request,
               httplib::Response& response) {
  const auto session = current_session(*routes.access, request, response);
  if (!session) return;
  const auto jobs = routes.service->jobs_for_contact(session->contact_jnid);
  if (!jobs) return database_error(response, jobs.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& job : *jobs) list.push_back(portal::summary_json(job));
  send_json(response, 200, {{"jobs", list}});
}

void customer_job(const PortalRoutes& routes, const httplib::Request& request,
                  httplib::Response& response, const std::string& key) {
  const auto session = current_session(*routes.access, request, response);
  if (!session) return;
  const auto view = routes.service->view_for_contact(key, session->contact_jnid);
  if (!view) return database_error(response, view.error());
  if (!view->has_value()) return no_such_job(response);
  send_json(response, 200, portal::to_json(**view));
}

void customer_file(const PortalRoutes& routes, const httplib::Request& request,
                   httplib::Response& response, const PathParams& params) {
  const auto session = current_session(*routes.access, request, response);
  if (!session) return;
  int64_t file_id = 0;
  try {
    file_id = std::stoll(params.at("fileId"));
  } catch (const std::exception&) {
    return send_error(response, 404, "not_found", "no such file");
  }
  const auto jnid =
      routes.service->shared_file_jnid(params.at("jobId"), session->contact_jnid, file_id);
  if (!jnid) return database_error(response, jnid.error());
  if (!jnid->has_value()) return send_error(response, 404, "not_found", "no such file");
  if (!routes.file_url) {
    return send_error(response, 503, "service_unavailable", "file downloads are not available");
  }
  const auto url = routes.file_url(**jnid);
  if (!url) {
    log::warn("portal: file download failed: {}", url.error().message);
    return send_error(response, 502, "bad_gateway", "the file could not be fetched");
  }
  response.status = 302;
  response.set_header("Location", *url);
  response.set_header("Cache-Control", "no-store");
}

void internal_job(const PortalRoutes& routes, httplib::Response& response, const std::string& key) {
  const auto view = routes.service->view(key);
  if (!view) return database_error(response, view.error());
  if (!view->has_value()) return send_error(response, 404, "not_found", "no job " + key);
  send_json(response, 200, portal::to_json(**view));
}

void login_page(const PortalRoutes& routes, const httplib::Request& request,
                httplib::Response& response) {
  response.set_header("Cache-Control", "no-store");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_content(
      portal::render_login_page(request.get_param_value("token"), routes.company_name),
      "text/html; charset=utf-8");
}

}  // namespace

std::string cookie_value(const httplib::Request& request, const std::string& name) {
  const size_t count = request.get_header_value_count("Cookie");
  for (size_t i = 0; i < count; ++i) {
    auto found = auth::cookie_value(request.get_header_value("Cookie", i), name);
    if (found) return std::move(*found);
  }
  return "";
}

AccessGuard portal_customer_guard(portal::PortalAccess& access) {
  return [&access](const httplib::Request& request, httplib::Response& response) {
    const auto found = access.session(cookie_value(request, kPortalCookie), true);
    if (!found) {
      database_error(response, found.error());
      return false;
    }
    if (found->has_value()) return true;
    send_error(response, 401, "unauthorized", "sign in to the customer portal");
    return false;
  };
}

void add_portal_routes(Router& router, const PortalRoutes& routes) {
  router.get("/portal/login", Access::open,
             [routes](const httplib::Request& request, httplib::Response& response,
                      const PathParams&) { login_page(routes, request, response); });
  router.post("/api/v1/portal/session", Access::open,
              [routes](const httplib::Request& request, httplib::Response& response,
                       const PathParams&) { sign_in(routes, request, response); });
  router.post("/api/v1/portal/logout", Access::open,
              [routes](const httplib::Request& request, httplib::Response& response,
                       const PathParams&) { sign_out(routes, request, response); });
  router.get("/api/v1/portal/jobs", Access::customer,
             [routes](const httplib::Request& request, httplib::Response& response,
                      const PathParams&) { list_jobs(routes, request, response); });
  router.get("/api/v1/portal/jobs/:jobId", Access::customer,
             [routes](const httplib::Request& request, httplib::Response& response,
                      const PathParams& params) {
               customer_job(routes, request, response, params.at("jobId"));
             });
  router.get(
      "/api/v1/portal/jobs/:jobId/files/:fileId", Access::customer,
      [routes](const httplib::Request& request, httplib::Response& response,
               const PathParams& params) { customer_file(routes, request, response, params); });
  router.get(
      "/api/v1/portal/internal/jobs/:jobId", Access::internal,
      [routes](const httplib::Request&, httplib::Response& response, const PathParams& params) {
        internal_job(routes, response, params.at("jobId"));
      });
}

}  // namespace gep::http

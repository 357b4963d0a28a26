#include "web/page_response.h"

#include "core/logging.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

struct NavItem {
  const char* path;
  const char* label;
};
constexpr NavItem kNavigation[] = {{"/", "Overview"},
                                   {"/risk", "Risk"},
                                   {"/qc", "Photo QC"},
                                   {"/jobs", "Jobs"},
                                   {"/sync", "Sync"}};

bool in_section(std::string_view path, std::string_view section) {
  if (section == "/") return path == "/";
  return path == section || path.starts_with(std::string(section) + "/");
}

}  // namespace

void set_page_headers(http::Response& response) {
  response.set_header("Content-Security-Policy", kPagePolicy);
  response.set_header("Cache-Control", "no-store");
  response.set_header("Referrer-Policy", "same-origin");
}

void redirect(http::Response& response, std::string_view location) {
  response.status = 303;
  response.set_header("Location", safe_local_path(location));
  set_page_headers(response);
  response.set_content("", "text/html; charset=utf-8");
}

Data Pages::layout_for(const http::Request& request, std::string_view title) const {
  Data layout;
  layout.set("title", std::string(title));
  layout.set("stylesheet", assets_.url_of("app.css"));
  layout.set("favicon", assets_.url_of("favicon.svg"));
  const bool signed_in = request.principal.starts_with("staff:");
  layout.set("signedIn", signed_in);
  layout.set("username", signed_in ? request.principal.substr(6) : std::string());
  layout.set("csrf", request.session_csrf);
  List navigation;
  if (signed_in) {
    for (const NavItem& item : kNavigation) {
      Data entry;
      entry.set("path", item.path);
      entry.set("label", item.label);
      entry.set("current", in_section(request.path, item.path));
      navigation.push_back(entry);
    }
  }
  layout.set("navigation", navigation);
  layout.set("tablesScript", assets_.url_of("tables.js"));
  layout.set("syncScript", assets_.url_of("sync.js"));
  return layout;
}

void Pages::send(const http::Request& request, http::Response& response, int status,
                 std::string_view name, const Data& page, std::string_view title) const {
  auto html = renderer_.render_page(name, page, layout_for(request, title));
  if (!html) {
    log::error("page {}: {}", name, html.error().message);
    return send_error(request, response, 500, "Something went wrong",
                      "This page could not be shown. The error has been logged; try again in a "
                      "moment.");
  }
  response.status = status;
  set_page_headers(response);
  response.set_content(std::move(html).value(), "text/html; charset=utf-8");
}

void Pages::send_error(const http::Request& request, http::Response& response, int status,
                       std::string_view title, std::string_view message) const {
  Data page;
  page.set("heading", std::string(title));
  page.set("message", std::string(message));
  page.set("signedIn", request.principal.starts_with("staff:"));
  auto html = renderer_.render_page("error", page, layout_for(request, title));
  response.status = status;
  set_page_headers(response);
  // The error page itself failing is a bug in an embedded template: say so in plain text.
  if (!html) return response.set_content("Something went wrong.\n", "text/plain; charset=utf-8");
  response.set_content(std::move(html).value(), "text/html; charset=utf-8");
}

Data Pages::panel_layout(std::string_view title, int64_t expires_at) const {
  Data layout;
  layout.set("title", std::string(title));
  layout.set("stylesheet", assets_.url_of("app.css"));
  layout.set("favicon", assets_.url_of("favicon.svg"));
  layout.set("script", assets_.url_of("embed.js"));
  layout.set("expiresAt", std::to_string(expires_at));
  return layout;
}

Data Pages::customer_layout(std::string_view title) const {
  Data layout;
  layout.set("title", std::string(title));
  layout.set("stylesheet", assets_.url_of("app.css"));
  layout.set("favicon", assets_.url_of("favicon.svg"));
  layout.set("companyName", company_name_.empty() ? std::string("Your project") : company_name_);
  layout.set("brandStylesheet", assets_.url_of("brand.css"));
  return layout;
}

// A page inside `layout_name`; when the page itself fails to render (a bug in an embedded
// template, logged), a plain sentence.
void Pages::send_in(http::Response& response, int status, std::string_view name, const Data& page,
                    Data layout, std::string_view layout_name) const {
  auto html = renderer_.render_page(name, page, std::move(layout), layout_name);
  set_page_headers(response);
  if (!html) {
    log::error("page {}: {}", name, html.error().message);
    response.status = 500;
    return response.set_content("Something went wrong. Please try again in a moment.\n",
                                "text/plain; charset=utf-8");
  }
  response.status = status;
  response.set_content(std::move(html).value(), "text/html; charset=utf-8");
}

void Pages::send_panel(http::Response& response, int status, std::string_view name,
                       const Data& page, std::string_view title, int64_t expires_at) const {
  send_in(response, status, name, page, panel_layout(title, expires_at), "embed_layout");
}

void Pages::send_panel_error(http::Response& response, int status, std::string_view title,
                             std::string_view message) const {
  Data page;
  page.set("heading", std::string(title));
  page.set("message", std::string(message));
  send_in(response, status, "embed_error", page, panel_layout(title, 0), "embed_layout");
}

void Pages::send_customer(http::Response& response, int status, std::string_view name,
                          const Data& page, std::string_view title) const {
  send_in(response, status, name, page, customer_layout(title), "portal_layout");
}

void Pages::send_customer_error(http::Response& response, int status, std::string_view title,
                                std::string_view message) const {
  Data page;
  page.set("heading", std::string(title));
  page.set("message", std::string(message));
  send_in(response, status, "portal_error", page, customer_layout(title), "portal_layout");
}

}  // namespace gep::web

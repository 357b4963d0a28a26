#pragma once
// The answers every page shares: HTML with a strict Content-Security-Policy (scripts and styles
// only from /static, no inline code, forms post only here), no caching of signed-in pages, and
// friendly error pages instead of JSON.
#include <string>
#include <string_view>

#include "http/router.h"
#include "web/assets.h"
#include "web/page_renderer.h"

namespace gep::web {

inline constexpr std::string_view kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'";

class Pages {
 public:
  Pages(const PageRenderer& renderer, const StaticAssets& assets)
      : renderer_(renderer), assets_(assets) {}

  // Renders `name` in the layout; the layout shows the navigation when `request` is a signed-in
  // staff page (request.principal). A template failure answers the 500 page.
  void send(const http::Request& request, http::Response& response, int status,
            std::string_view name, const Data& page, std::string_view title) const;
  // The friendly error page: a title, a sentence saying what happened and what to do.
  void send_error(const http::Request& request, http::Response& response, int status,
                  std::string_view title, std::string_view message) const;

  // A panel JobNimbus embeds: templates/<name> inside the minimal embed layout (no navigation),
  // whose script posts the content's height to the host page and, once `expires_at` (unix
  // seconds; 0 = never) passes, says the panel is out of date.
  void send_panel(http::Response& response, int status, std::string_view name, const Data& page,
                  std::string_view title, int64_t expires_at) const;
  // The panel's short error page: what went wrong and what to do.
  void send_panel_error(http::Response& response, int status, std::string_view title,
                        std::string_view message) const;

  // A page of the customer portal: templates/<name> inside the portal layout (the company's
  // name, no staff navigation).
  void send_customer(http::Response& response, int status, std::string_view name, const Data& page,
                     std::string_view title) const;
  void send_customer_error(http::Response& response, int status, std::string_view title,
                           std::string_view message) const;
  void set_company_name(std::string name) { company_name_ = std::move(name); }

  const PageRenderer& renderer() const { return renderer_; }
  const StaticAssets& assets() const { return assets_; }

 private:
  Data layout_for(const http::Request& request, std::string_view title) const;
  Data panel_layout(std::string_view title, int64_t expires_at) const;
  Data customer_layout(std::string_view title) const;
  void send_in(http::Response& response, int status, std::string_view name, const Data& page,
               Data layout, std::string_view layout_name) const;

  const PageRenderer& renderer_;
  const StaticAssets& assets_;
  std::string company_name_;
};

void set_page_headers(http::Response& response);
// 303 See Other to a local path.
void redirect(http::Response& response, std::string_view location);

}  // namespace gep::web

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

  const PageRenderer& renderer() const { return renderer_; }
  const StaticAssets& assets() const { return assets_; }

 private:
  Data layout_for(const http::Request& request, std::string_view title) const;

  const PageRenderer& renderer_;
  const StaticAssets& assets_;
};

void set_page_headers(http::Response& response);
// 303 See Other to a local path.
void redirect(http::Response& response, std::string_view location);

}  // namespace gep::web

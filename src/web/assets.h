#pragma once
// The static files of src/web/static, served from the binary under content-hashed names
// ("/static/app.3f2a9c1e0b7d.css"): a new build changes the name, so an answer may be cached
// for a year, and the ETag lets a revalidation answer 304.
#include <string>
#include <string_view>
#include <vector>

#include "http/router.h"

namespace gep::web {

struct Asset {
  std::string name;  // "app.css"
  std::string url;   // "/static/app.<hash>.css"
  std::string etag;  // "\"<hash>\""
  std::string content_type;
  std::string_view bytes;  // an embedded file's
  std::string generated;   // or a file made at start-up (brand.css)

  std::string_view content() const { return generated.empty() ? bytes : generated; }
};

class StaticAssets {
 public:
  StaticAssets();
  // brand.css: the portal's colour (PORTAL_BRAND_COLOR, "#rrggbb") and a text colour that reads
  // on it. A default is there from the start, so every page can link it.
  void set_brand_colour(std::string_view hex);
  // The URL a page links to; throws std::logic_error for a name not embedded (a template bug).
  const std::string& url_of(std::string_view name) const;
  // GET /static/:file
  void mount(http::Router& router) const;
  const std::vector<Asset>& assets() const { return assets_; }

 private:
  void answer(const http::Request& request, http::Response& response) const;
  std::vector<Asset> assets_;
};

}  // namespace gep::web

#include "web/assets.h"

#include <stdexcept>

#include "core/digest.h"
#include "web/brand.h"
#include "web/embedded_files.h"

namespace gep::web {
namespace {

constexpr std::string_view kStaticPrefix = "static/";

std::string content_type_of(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

StaticAssets::StaticAssets() {
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.path.starts_with(kStaticPrefix)) continue;
    const std::string name(file.path.substr(kStaticPrefix.size()));
    const std::string hash = sha256_hex(file.bytes).substr(0, 12);
    const size_t dot = name.rfind('.');
    const std::string url = "/static/" + name.substr(0, dot) + "." + hash + name.substr(dot);
    assets_.push_back({name, url, "\"" + hash + "\"", content_type_of(name), file.bytes, {}});
  }
  set_brand_colour(kDefaultBrandColour);
}

void StaticAssets::set_brand_colour(std::string_view hex) {
  std::erase_if(assets_, [](const Asset& asset) { return asset.name == "brand.css"; });
  std::string css = brand_stylesheet(hex);
  const std::string hash = sha256_hex(css).substr(0, 12);
  assets_.push_back({"brand.css",
                     "/static/brand." + hash + ".css",
                     "\"" + hash + "\"",
                     content_type_of("brand.css"),
                     {},
                     std::move(css)});
}

const std::string& StaticAssets::url_of(std::string_view name) const {
  for (const Asset& asset : assets_) {
    if (asset.name == name) return asset.url;
  }
  throw std::logic_error("no static file named " + std::string(name));
}

void StaticAssets::answer(const http::Request& request, http::Response& response) const {
  for (const Asset& asset : assets_) {
    if (asset.url != request.path) continue;
    response.set_header("ETag", asset.etag);
    response.set_header("Cache-Control", "public, max-age=31536000, immutable");
    if (request.get_header_value("If-None-Match") == asset.etag) {
      response.status = 304;
      return;
    }
    response.set_content(std::string(asset.content()), asset.content_type);
    return;
  }
  response.status = 404;
  response.set_content("not found\n", "text/plain; charset=utf-8");
}

void StaticAssets::mount(http::Router& router) const {
  router.get("/static/:file", http::Access::open,
             [this](const http::Request& request, http::Response& response,
                    const http::PathParams&) { answer(request, response); });
}

}  // namespace gep::web

#include "web/media_pages.h"

#include <charconv>

#include "core/logging.h"

namespace gep::web {
namespace {

void not_found(const MediaPagesDeps& deps, const http::Request& request, http::Response& response) {
  deps.pages.send_error(request, response, 404, "Photo not found",
                        "There is no photo at this address.");
}

// The file must be in the mirror, active, and attached to an active job: the mirror, not
// JobNimbus, decides what gep shows.
bool is_served(domain::Repositories& store, const Result<std::optional<domain::File>>& file) {
  if (!file || !file->has_value()) return false;
  const domain::File& record = **file;
  if (record.deleted_at || !record.is_active || record.job_jnid.empty()) return false;
  const auto job = store.jobs().find_by_jnid(record.job_jnid);
  return job && job->has_value() && !(*job)->deleted_at;
}

std::optional<int64_t> whole_number(const std::string& text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// ?w: one of the fixed widths, 320 when absent; anything else is refused (0 = refused).
int requested_width(const http::Request& request) {
  if (!request.has_param("w")) return 320;
  const auto width = whole_number(request.get_param_value("w"));
  if (!width || !media::is_thumbnail_width(static_cast<int>(*width))) return 0;
  return static_cast<int>(*width);
}

void refuse_width(http::Response& response) {
  response.status = 400;
  response.set_header("Content-Type", "text/plain; charset=utf-8");
  response.body = "w must be 160, 320 or 640\n";
}

void send_thumbnail(const MediaPagesDeps& deps, const http::Request& request,
                    http::Response& response, const std::string& file_jnid, const int width) {
  auto image = deps.media->thumbnail(file_jnid, width);
  if (!image) {
    if (image.error().code == "not_found" || image.error().code == "validation") {
      return not_found(deps, request, response);
    }
    log::warn("media {}: {}", file_jnid, image.error().message);
    return deps.pages.send_error(request, response, 502, "Photo unavailable",
                                 "This photo could not be loaded from JobNimbus just now.");
  }
  response.status = 200;
  response.set_header("Content-Type", "image/jpeg");
  response.set_header("Cache-Control", "private, max-age=3600");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.body = std::move(image->bytes);
}

void staff_thumbnail(const MediaPagesDeps& deps, const http::Request& request,
                     http::Response& response, const std::string& file_jnid) {
  const int width = requested_width(request);
  if (width == 0) return refuse_width(response);
  if (deps.media == nullptr || !is_served(deps.store, deps.store.files().find_by_jnid(file_jnid))) {
    return not_found(deps, request, response);
  }
  send_thumbnail(deps, request, response, file_jnid, width);
}

// The signature is checked before anything is read, so an unsigned request learns nothing about
// which files exist.
void signed_thumbnail(const MediaPagesDeps& deps, const http::Request& request,
                      http::Response& response, const std::string& file_key) {
  const auto file_id = whole_number(file_key);
  const auto width = whole_number(request.get_param_value("w"));
  const auto expires_at = whole_number(request.get_param_value("exp"));
  if (!file_id || !width || !expires_at ||
      !deps.signed_links.is_signed(*file_id, static_cast<int>(*width), *expires_at,
                                   request.get_param_value("sig"))) {
    return deps.pages.send_error(request, response, 403, "This photo link is not valid",
                                 "Open the photo from its panel in JobNimbus.");
  }
  if (*expires_at <= to_unix_seconds(deps.clock.now())) {
    return deps.pages.send_error(request, response, 401, "This photo link has expired",
                                 "Reopen the panel from the job in JobNimbus.");
  }
  if (!media::is_thumbnail_width(static_cast<int>(*width))) return refuse_width(response);
  const auto file = deps.store.files().find_by_id(*file_id);
  if (deps.media == nullptr || !is_served(deps.store, file)) {
    return not_found(deps, request, response);
  }
  send_thumbnail(deps, request, response, (*file)->jnid, static_cast<int>(*width));
}

}  // namespace

void add_media_pages(http::Router& router, const MediaPagesDeps& deps) {
  router.get("/media/files/:fileJnid", http::Access::staff_page,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams& params) {
               staff_thumbnail(deps, request, response, params.at("fileJnid"));
             });
  router.get("/media/signed/files/:fileId", http::Access::open,
             [deps](const http::Request& request, http::Response& response,
                    const http::PathParams& params) {
               signed_thumbnail(deps, request, response, params.at("fileId"));
             });
}

}  // namespace gep::web

// File downloads: JobNimbus's redirect to a signed URL, then the bytes from there.
#include "core/url.h"
#include "jobnimbus/client.h"
#include "jobnimbus/query.h"
#include "jobnimbus/request_executor.h"

namespace gep::jobnimbus {
namespace {

ApiError download_error(ApiErrorKind kind, int status, std::string message) {
  ApiError error;
  error.kind = kind;
  error.http_status = status;
  error.message = std::move(message);
  return error;
}

// Only http(s) URLs are followed: a Location of another scheme (file:, a relative path) is not a
// storage URL and must not steer our transport anywhere else.
bool followable(std::string_view location) {
  const auto url = parse_url(std::string(location));
  return url && (url->scheme == "https" || url->scheme == "http") && !url->host.empty();
}

}  // namespace

ApiResult<FileDownload> JobNimbusClient::download_file(const std::string& file_jnid) {
  if (file_jnid.empty()) {
    return fail(download_error(ApiErrorKind::validation, 0, "a file id (jnid) is required"));
  }
  CallOptions redirect_options;
  redirect_options.accept_redirect = true;
  const auto redirect =
      executor_->call(HttpMethod::get, record_path("files", file_jnid), {}, redirect_options);
  if (!redirect) return fail(redirect.error());
  const auto location = redirect->header("Location");
  if (redirect->status < 300 || redirect->status >= 400 || !location || !followable(*location)) {
    return fail(download_error(ApiErrorKind::invalid_response, redirect->status,
                               "GET /files/{jnid} did not redirect to a download URL"));
  }
  CallOptions fetch_options;
  fetch_options.absolute_url = true;
  auto fetched = executor_->call(HttpMethod::get, *location, {}, fetch_options);
  if (!fetched) return fail(fetched.error());
  FileDownload download;
  download.content_type = std::string(fetched->header("Content-Type").value_or(""));
  download.bytes = std::move(fetched->body);
  return download;
}

}  // namespace gep::jobnimbus

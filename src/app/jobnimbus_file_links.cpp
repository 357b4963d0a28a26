#include "app/jobnimbus_file_links.h"

#include "core/url.h"

namespace gep::app {
namespace {

jobnimbus::CurlTransportOptions transport_options(const Config& config) {
  jobnimbus::CurlTransportOptions options;
  options.connect_timeout = std::chrono::milliseconds(config.jobnimbus_connect_timeout_ms);
  options.timeout = std::chrono::milliseconds(config.jobnimbus_timeout_ms);
  options.user_agent = "gep-portal";
  const auto url = parse_url(config.jobnimbus_base_url);
  options.allow_plain_http = url && is_loopback_host(url->host);
  return options;
}

bool safe_path_segment(const std::string& text) {
  if (text.empty()) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

JobNimbusFileLinks::JobNimbusFileLinks(const Config& config)
    : base_url_(config.jobnimbus_base_url),
      api_key_(config.jobnimbus_api_key),
      transport_(transport_options(config)),
      rate_limiter_(jobnimbus::process_rate_limiter(config.jobnimbus_max_rps)) {}

Result<std::string> JobNimbusFileLinks::temporary_url(const std::string& file_jnid) {
  if (!safe_path_segment(file_jnid)) return fail("validation", "unexpected file id");
  rate_limiter_->acquire();
  jobnimbus::HttpRequest request;
  request.url = base_url_ + "/files/" + file_jnid;
  request.headers.push_back({"Authorization", "Bearer " + api_key_});
  const auto answered = transport_.send(request);
  if (!answered) return fail("jobnimbus", answered.error().message);
  const auto location = answered->header("Location");
  if (answered->status < 300 || answered->status >= 400 || !location || location->empty()) {
    return fail("jobnimbus", "GET /files/{jnid} answered " + std::to_string(answered->status) +
                                 " without a URL");
  }
  return std::string(*location);
}

}  // namespace gep::app

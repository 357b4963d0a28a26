#pragma once
// Short-lived download URLs of JobNimbus files for the portal: GET
// {JOBNIMBUS_BASE_URL}/files/{jnid} answers 302 to a signed URL (api facts); the customer is
// redirected there, so file bytes never pass through gep and the API key never reaches the browser.
#include <memory>
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "jobnimbus/curl_transport.h"
#include "jobnimbus/rate_limiter.h"

namespace gep::app {

class JobNimbusFileLinks {
 public:
  explicit JobNimbusFileLinks(const Config& config);
  // Errors never contain the API key.
  Result<std::string> temporary_url(const std::string& file_jnid);

 private:
  std::string base_url_;
  std::string api_key_;
  jobnimbus::CurlTransport transport_;
  std::shared_ptr<jobnimbus::RateLimiter> rate_limiter_;  // shared with the client
};

}  // namespace gep::app

#pragma once
// HttpTransport on libcurl: a small pool of easy handles so that connections (and TLS sessions)
// are reused across requests and threads, with TLS verification always on.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "jobnimbus/http_transport.h"

namespace gep::jobnimbus {

struct CurlTransportOptions {
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{30000};  // whole request, answer included
  std::string user_agent;
  bool allow_plain_http = false;  // only for loopback hosts (the sandbox, tests)
  size_t max_response_bytes = size_t{512} << 20;
  size_t max_idle_handles = 8;
};

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(CurlTransportOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse, TransportFailure> send(const HttpRequest& request) override;

 private:
  void* acquire_handle();
  void release_handle(void* handle);

  const CurlTransportOptions options_;
  std::mutex mutex_;
  std::vector<void*> idle_;  // CURL*, kept opaque so curl.h stays out of this header
};

}  // namespace gep::jobnimbus

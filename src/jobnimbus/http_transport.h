#pragma once
// The HTTP seam of the client: the real one is libcurl (curl_transport.h); tests inject scripted
// answers. A transport sends exactly one request and never retries: retries, rate limiting and
// error classification live above it (request_executor.h) so they can be tested without sockets.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gep::jobnimbus {

enum class HttpMethod { get, post, put };
std::string_view to_string(HttpMethod method);

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  HttpMethod method = HttpMethod::get;
  std::string url;
  std::vector<HttpHeader> headers;  // may hold the Authorization header: never log them
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;
  std::string body;

  // Case-insensitive; the last occurrence wins.
  std::optional<std::string_view> header(std::string_view name) const;
};

enum class TransportFailureKind {
  could_not_connect,  // DNS failure or connection refused: the request never left this machine
  timeout,            // connect or total timeout
  connection_lost,    // dropped connection, empty or truncated answer
  tls,                // certificate or handshake failure (not worth retrying)
  other,
};

struct TransportFailure {
  TransportFailureKind kind = TransportFailureKind::other;
  // False only when it is certain that no byte of the request reached the server, which is what
  // makes retrying a POST safe (JobNimbus has no idempotency keys).
  bool request_may_have_been_sent = true;
  std::string message;  // never holds header values
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Thread-safe: one transport serves every thread of the client.
  virtual Result<HttpResponse, TransportFailure> send(const HttpRequest& request) = 0;
};

}  // namespace gep::jobnimbus

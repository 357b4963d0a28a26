#pragma once
// The HTTP front door: cpp-httplib (Debian's compiled 0.11) tuned for throughput. Its defaults
// serve ~300 req/s on loopback because of Nagle's delay; with TCP_NODELAY, a worker pool sized
// for keep-alive connections and a long keep-alive it serves tens of thousands. See README.
#include <httplib.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/router.h"

namespace gep::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0 picks a free port
  int threads = 32;   // each keep-alive connection holds one worker while open
  int64_t max_body_bytes = 25 * 1024 * 1024;
  int keep_alive_timeout_seconds = 30;
  int keep_alive_max_requests = 10000;
  int read_timeout_seconds = 30;
  // Who may frame /embed/* pages (CSP frame-ancestors sources); every other answer sends 'none'.
  std::string embed_frame_ancestors = "https://app.jobnimbus.com";
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, AccessGuard internal_guard);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  Router& router() { return router_; }

  // Binds the listening socket; answers the port actually bound.
  Result<uint16_t> bind();
  // Serves until stop(); requests in flight when stop() is called still finish.
  void run();
  void stop();
  bool is_running() const { return server_.is_running(); }

 private:
  void install_hooks();

  ServerOptions options_;
  httplib::Server server_;
  Router router_;
};

// Sets Content-Security-Policy frame-ancestors: `embed_ancestors` for /embed/*, 'none' elsewhere
// (a policy the handler set keeps its other directives, never its own frame-ancestors).
void apply_frame_ancestors(const std::string& path, const std::string& embed_ancestors,
                           httplib::Response& response);

// Whether the request's x-internal-api-key equals `key` (compared in constant time).
bool internal_api_key_matches(const httplib::Request& request, const std::string& key);
// The guard of internal routes by key alone (the server's guard adds staff sessions).
AccessGuard internal_api_key_guard(std::string internal_api_key);

}  // namespace gep::http

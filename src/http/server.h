#pragma once
// gep's HTTP front door: the routes of the API on net::Server (Boost.Beast), with the answers
// every response shares (framing policy, nosniff), the error envelope for what the transport
// refuses, and one log line per request naming the route, never the raw path or query.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/router.h"
#include "net/route_table.h"
#include "net/server.h"

namespace gep::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0 picks a free port
  net::ServerLimits limits;
  int64_t max_upload_bytes = 25 * 1024 * 1024;  // routes that take uploads (attachments)
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
  // Answers, outside /api/, a request no route matched (404) or whose handler threw (500) with
  // a page; until set, those get the JSON error too. Set before run().
  using PageError = std::function<void(const Request&, Response&, int status)>;
  void set_page_error(PageError answer) { page_error_ = std::move(answer); }

  // Binds the listening socket; answers the port actually bound.
  Result<uint16_t> bind();
  // Serves until stop(); requests in flight when stop() is called still finish.
  void run();
  void stop();
  bool is_running() const { return server_ && server_->is_running(); }

 private:
  void handle(Request& request, Response& response) const;
  int64_t body_limit(const Request& head) const;

  ServerOptions options_;
  net::RouteTable table_;
  Router router_;
  PageError page_error_;
  std::unique_ptr<net::Server> server_;
};

// Sets Content-Security-Policy frame-ancestors: `embed_ancestors` for /embed/*, 'none' elsewhere
// (a policy the handler set keeps its other directives, never its own frame-ancestors).
void apply_frame_ancestors(const std::string& path, const std::string& embed_ancestors,
                           Response& response);

// Whether the request's x-internal-api-key equals `key` (compared in constant time).
bool internal_api_key_matches(const Request& request, const std::string& key);
// The guard of internal routes by key alone (the server's guard adds staff sessions).
AccessGuard internal_api_key_guard(std::string internal_api_key);

}  // namespace gep::http

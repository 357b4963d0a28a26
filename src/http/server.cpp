#include "http/server.h"

#include <exception>
#include <sstream>

#include "core/logging.h"
#include "core/secrets.h"
#include "http/json_response.h"

namespace gep::http {

void apply_frame_ancestors(const std::string& path, const std::string& embed_ancestors,
                           Response& response) {
  const bool embed = path == "/embed" || path.rfind("/embed/", 0) == 0;
  const std::string directive =
      "frame-ancestors " + (embed && !embed_ancestors.empty() ? embed_ancestors : "'none'");
  // A handler's own policy keeps its other directives; framing is decided here alone.
  std::string policy;
  std::istringstream directives(response.get_header_value("Content-Security-Policy"));
  for (std::string part; std::getline(directives, part, ';');) {
    const size_t start = part.find_first_not_of(' ');
    if (start == std::string::npos || part.compare(start, 15, "frame-ancestors") == 0) continue;
    policy += part.substr(start) + "; ";
  }
  policy += directive;
  response.set_header("Content-Security-Policy", policy);
  if (!embed && !response.has_header("X-Frame-Options")) {
    response.set_header("X-Frame-Options", "DENY");
  }
}

HttpServer::HttpServer(ServerOptions options, AccessGuard internal_guard)
    : options_(std::move(options)), router_(table_, std::move(internal_guard)) {
  net::ServerHooks hooks;
  hooks.handler = [this](Request& request, Response& response) { handle(request, response); };
  hooks.body_limit = [this](const Request& head) { return body_limit(head); };
  hooks.error = [ancestors = options_.embed_frame_ancestors](int status, const std::string& message,
                                                             Response& response) {
    send_error(response, error_code_for_status(status), message);
    apply_frame_ancestors("", ancestors, response);
    response.set_header("X-Content-Type-Options", "nosniff");
  };
  // The route template, or the path with control characters escaped: a request cannot write
  // a log line of its own. Never the query (tokens) nor headers (keys); the caller by the name
  // its guard gave it.
  hooks.log = [](const Request& request, const Response& response, double milliseconds) {
    log::info("http {} {} {} {:.1f}ms {}", log::printable(request.method),
              request.route.empty() ? log::printable(request.path) : request.route, response.status,
              milliseconds, request.principal.empty() ? "-" : log::printable(request.principal));
  };
  server_ = std::make_unique<net::Server>(options_.limits, std::move(hooks));
}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::handle(Request& request, Response& response) const {
  try {
    if (!table_.dispatch(request, response)) {
      if (page_error_ && request.path.rfind("/api/", 0) != 0) {
        page_error_(request, response, 404);
      } else {
        send_error(
            response, ErrorCode::not_found,
            "no route for " + log::printable(request.method) + " " + log::printable(request.path));
      }
    }
  } catch (const std::exception& exception) {
    log::error("unhandled exception in {} {}: {}", log::printable(request.method),
               request.route.empty() ? log::printable(request.path) : request.route,
               exception.what());
    response = Response{};
    if (page_error_ && request.path.rfind("/api/", 0) != 0) {
      page_error_(request, response, 500);
    } else {
      send_error(response, ErrorCode::internal_error, "internal server error");
    }
  }
  apply_frame_ancestors(request.path, options_.embed_frame_ancestors, response);
  response.set_header("X-Content-Type-Options", "nosniff");
}

int64_t HttpServer::body_limit(const Request& head) const {
  const std::string route = table_.route_of(head.method, head.path);
  return router_.takes_uploads(head.method, route) ? options_.max_upload_bytes
                                                   : options_.limits.max_body_bytes;
}

Result<uint16_t> HttpServer::bind() {
  return server_->bind(options_.host, options_.port);
}

void HttpServer::run() {
  server_->run();
}

void HttpServer::stop() {
  server_->stop();
}

bool internal_api_key_matches(const Request& request, const std::string& key) {
  const std::string presented = request.get_header_value("x-internal-api-key");
  return !presented.empty() && constant_time_equals(presented, key);
}

AccessGuard internal_api_key_guard(std::string internal_api_key) {
  return [key = std::move(internal_api_key)](Request& request, Response& response) {
    if (internal_api_key_matches(request, key)) {
      request.principal = "api-key";
      return true;
    }
    send_error(response, ErrorCode::unauthorized,
               request.get_header_value("x-internal-api-key").empty()
                   ? "missing x-internal-api-key header"
                   : "invalid x-internal-api-key");
    return false;
  };
}

}  // namespace gep::http

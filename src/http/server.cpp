#include "http/server.h"

#include <chrono>
#include <exception>
#include <sstream>

#include "core/logging.h"
#include "core/secrets.h"
#include "http/json_response.h"

namespace gep::http {
namespace {

// A request is handled start to finish on one worker thread, so the start time can live here.
thread_local std::chrono::steady_clock::time_point request_started{};

double elapsed_ms() {
  if (request_started == std::chrono::steady_clock::time_point{}) return 0.0;
  const auto elapsed = std::chrono::steady_clock::now() - request_started;
  request_started = {};
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

}  // namespace

void apply_frame_ancestors(const std::string& path, const std::string& embed_ancestors,
                           httplib::Response& response) {
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
  response.headers.erase("Content-Security-Policy");
  response.set_header("Content-Security-Policy", policy);
  if (!embed && !response.has_header("X-Frame-Options"))
    response.set_header("X-Frame-Options", "DENY");
}

HttpServer::HttpServer(ServerOptions options, AccessGuard internal_guard)
    : options_(std::move(options)), router_(server_, std::move(internal_guard)) {
  install_hooks();
}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::install_hooks() {
  const auto threads = static_cast<size_t>(options_.threads);
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_tcp_nodelay(true);
  server_.set_keep_alive_max_count(static_cast<size_t>(options_.keep_alive_max_requests));
  server_.set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  server_.set_read_timeout(options_.read_timeout_seconds, 0);
  server_.set_payload_max_length(static_cast<size_t>(options_.max_body_bytes));
  server_.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

  server_.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    request_started = std::chrono::steady_clock::now();
    // httplib 0.11 reads a POST/PUT without Content-Length "until close", which hangs a client
    // like `curl -X POST` for the whole read timeout: answer at once instead.
    const bool has_body_method = request.method == "POST" || request.method == "PUT" ||
                                 request.method == "PATCH" || request.method == "DELETE";
    if (has_body_method && !request.has_header("Content-Length") &&
        !request.has_header("Transfer-Encoding")) {
      send_error(response, 411, "length_required",
                 "send a Content-Length header (0 for an empty body, e.g. curl -d '')");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Called for every status >= 400: fill in the envelope only where the handler wrote nothing.
  server_.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& request,
                                                                    httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const std::string message =
        response.status == 404   ? "no route for " + request.method + " " + request.path
        : response.status == 413 ? "request body is larger than the limit"
                                 : "request failed with status " + std::to_string(response.status);
    send_error(response, response.status, default_error_code(response.status), message);
    return httplib::Server::HandlerResponse::Handled;
  }));
  server_.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr failure) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& exception) {
          what = exception.what();
        } catch (...) {
        }
        log::error("unhandled exception in {} {}: {}", request.method, request.path, what);
        send_error(response, 500, "internal_error", "internal server error");
      });
  // Framing (issue 6, item 5): embed panels may be framed by EMBED_ALLOWED_ORIGINS only, every
  // other answer (API, dashboard, errors) by nobody. Runs after routing for every response.
  server_.set_post_routing_handler(
      [ancestors = options_.embed_frame_ancestors](const httplib::Request& request,
                                                   httplib::Response& response) {
        apply_frame_ancestors(request.path, ancestors, response);
      });
  // The path only: query strings may carry tokens, and headers may carry keys.
  server_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    log::info("http {} {} {} {:.1f}ms", request.method, request.path, response.status,
              elapsed_ms());
  });
}

Result<uint16_t> HttpServer::bind() {
  int port = options_.port;
  if (port == 0) {
    port = server_.bind_to_any_port(options_.host);
    if (port <= 0) return fail("bind_failed", "could not bind " + options_.host + " to any port");
  } else if (!server_.bind_to_port(options_.host, port)) {
    return fail("bind_failed", "could not bind " + options_.host + ":" + std::to_string(port) +
                                   " (in use, or not permitted)");
  }
  return static_cast<uint16_t>(port);
}

void HttpServer::run() {
  server_.listen_after_bind();
}

void HttpServer::stop() {
  if (server_.is_running()) server_.stop();
}

bool internal_api_key_matches(const httplib::Request& request, const std::string& key) {
  const std::string presented = request.get_header_value("x-internal-api-key");
  return !presented.empty() && constant_time_equals(presented, key);
}

AccessGuard internal_api_key_guard(std::string internal_api_key) {
  return [key = std::move(internal_api_key)](const httplib::Request& request,
                                             httplib::Response& response) {
    if (internal_api_key_matches(request, key)) return true;
    send_error(response, 401, "unauthorized",
               request.get_header_value("x-internal-api-key").empty()
                   ? "missing x-internal-api-key header"
                   : "invalid x-internal-api-key");
    return false;
  };
}

}  // namespace gep::http

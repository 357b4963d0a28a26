// /api1: the JobNimbus classic API, and the signed URLs its file downloads redirect to.
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/json_input.h"
#include "core/secrets.h"
#include "sandbox/catalog.h"
#include "sandbox/file_bytes.h"
#include "sandbox/query.h"
#include "sandbox/routes.h"

namespace gep::sandbox {
namespace {

using net::Request;
using net::Response;

// Injected server errors look like what sits in front of a real API: a JSON 500 from the app,
// an nginx HTML 502, plain-text 503 and 504 — so a client must accept any body.
void send_server_error(RouteContext& context, Response& response, bool after_write) {
  int status = context.traffic.next_error_status();
  if (after_write && status != 502) status = 504;  // the backend applied it; the gateway gave up
  switch (status) {
    case 500:
      send_message(response, 500, "Internal Server Error");
      break;
    case 502:
      response.status = 502;
      response.body =
          "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
          "Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
      set_content_type(response, "text/html");
      break;
    case 503:
      send_text(response, 503, "Service Unavailable");
      break;
    default:
      send_text(response, 504, "upstream request timeout");
  }
}

// The checks every /api1 request passes, in order: auth, rate limit, latency, faults decided
// before the work. Answers and returns nullopt when the request stops here; otherwise returns
// the fault still to apply once the handler has done its work.
std::optional<FaultKind> admit(RouteContext& context, const Request& request, Response& response,
                               const std::string& endpoint, bool is_write) {
  context.traffic.count_request(endpoint);
  if (!is_authorized(request, context.api_key)) {
    send_text(response, 401, "Unauthorized");
    return std::nullopt;
  }
  if (const auto wait = context.traffic.admit()) {
    send_text(response, 429, "Too Many Requests");
    if (auto value = context.traffic.retry_after_value(*wait)) {
      response.set_header("Retry-After", *value);
    }
    return std::nullopt;
  }
  const int latency = context.traffic.settings().latency_ms;
  if (latency > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency));
  FaultKind fault = context.traffic.decide(request.method, request.path, is_write);
  // A forced fault of the other family maps onto this request's kind.
  if (is_write && fault == FaultKind::truncate) fault = FaultKind::truncate_after_write;
  if (!is_write && fault == FaultKind::drop_after_write) fault = FaultKind::drop;
  if (!is_write && fault == FaultKind::server_error_after_write) fault = FaultKind::server_error;
  if (!is_write && fault == FaultKind::truncate_after_write) fault = FaultKind::truncate;
  if (fault != FaultKind::none) context.traffic.count_fault(fault);
  if (fault == FaultKind::server_error) {
    send_server_error(context, response, false);
    return std::nullopt;
  }
  if (fault == FaultKind::drop) {
    response.fault = {net::WireFault::Kind::drop, 0};
    return std::nullopt;
  }
  return fault;
}

// Applies a fault decided earlier to an answer that is ready.
void finish(RouteContext& context, Response& response, FaultKind fault) {
  switch (fault) {
    case FaultKind::truncate:
    case FaultKind::truncate_after_write:
      response.fault = {net::WireFault::Kind::truncate, response.body.size() / 2};
      break;
    case FaultKind::drop_after_write:
      response.fault = {net::WireFault::Kind::drop, 0};
      break;
    case FaultKind::server_error_after_write:
      send_server_error(context, response, true);
      break;
    default:
      break;
  }
}

std::optional<nlohmann::json> parse_body(const Request& request, Response& response) {
  auto body = parse_json_or_discarded(request.body);
  if (body.is_discarded()) {
    send_text(response, 400, "Invalid JSON body");
    return std::nullopt;
  }
  return body;
}

std::string signature_of(const RouteContext& context, std::string_view jnid, int64_t expires) {
  return hmac_sha256_hex(context.signing_key, std::string(jnid) + "\n" + std::to_string(expires));
}

// The answer of a write: the record, or the error; then the fault that was to follow the write.
void answer_write(RouteContext& context, Response& response, const Result<std::string>& result,
                  FaultKind fault) {
  if (!result) {
    send_error(response, result.error());
    return;
  }
  send_json(response, 200, *result);
  finish(context, response, fault);
}

std::string after_label(FaultKind fault) {
  return is_after_write(fault) ? std::string(to_string(fault)) : std::string();
}

}  // namespace

void install_api_routes(net::RouteTable& server, RouteContext& context) {
  server.add("GET", "/api1/:kind(jobs|contacts|tasks|activities|files)",
             [&context](const Request& request, Response& response) {
               const Kind kind = *kind_from_path(request.matches[1]);
               const auto fault =
                   admit(context, request, response, "GET /" + std::string(kind_path(kind)), false);
               if (!fault) return;
               const auto query = parse_list_query([&](std::string_view name) {
                 const std::string key(name);
                 return request.has_param(key) ? std::optional(request.get_param_value(key))
                                               : std::nullopt;
               });
               if (!query) {
                 send_error(response, query.error());
                 return;
               }
               const TrafficSettings settings = context.traffic.settings();
               const auto page = context.state.list_page(
                   kind, *query, request_seed(), {settings.string_ranges, settings.string_sort});
               if (!page) {
                 send_error(response, page.error());
                 return;
               }
               send_json(response, 200, *page);
               finish(context, response, *fault);
             });

  server.add("GET", "/api1/:kind(jobs|contacts|tasks|activities)/:jnid",
             [&context](const Request& request, Response& response) {
               const Kind kind = *kind_from_path(request.matches[1]);
               const auto fault = admit(context, request, response,
                                        "GET /" + std::string(kind_path(kind)) + "/{jnid}", false);
               if (!fault) return;
               const auto record = context.state.get(kind, request.matches[2]);
               if (!record) {
                 send_message(response, 404, std::string(wire_type(kind)) + " not found");
                 return;
               }
               send_json(response, 200, *record);
               finish(context, response, *fault);
             });

  server.add("GET", "/api1/files/:jnid", [&context](const Request& request, Response& response) {
    const auto fault = admit(context, request, response, "GET /files/{jnid}", false);
    if (!fault) return;
    const std::string jnid = request.matches[1];
    if (!context.state.get(Kind::file, jnid)) {
      send_message(response, 404, "attachment not found");
      return;
    }
    const int64_t expires = to_unix_seconds(context.clock.now()) + context.signed_url_ttl_seconds;
    response.status = 302;
    response.set_header("Location", origin_of(request, context) + "/sandbox-files/" + jnid +
                                        "?expires=" + std::to_string(expires) +
                                        "&signature=" + signature_of(context, jnid, expires));
    finish(context, response, *fault);
  });

  server.add("GET", "/api1/account/settings",
             [&context](const Request& request, Response& response) {
               const auto fault = admit(context, request, response, "GET /account/settings", false);
               if (!fault) return;
               send_json(response, 200, catalog::settings_json());
               finish(context, response, *fault);
             });

  server.add("POST", "/api1/activities", [&context](const Request& request, Response& response) {
    const auto fault = admit(context, request, response, "POST /activities", true);
    if (!fault) return;
    const auto body = parse_body(request, response);
    if (!body) return;
    answer_write(context, response, context.state.create_note(*body, after_label(*fault)), *fault);
  });

  server.add("POST", "/api1/tasks", [&context](const Request& request, Response& response) {
    const auto fault = admit(context, request, response, "POST /tasks", true);
    if (!fault) return;
    const auto body = parse_body(request, response);
    if (!body) return;
    answer_write(context, response, context.state.create_task(*body, after_label(*fault)), *fault);
  });

  server.add("POST", "/api1/files", [&context](const Request& request, Response& response) {
    const auto fault = admit(context, request, response, "POST /files", true);
    if (!fault) return;
    const auto body = parse_body(request, response);
    if (!body) return;
    answer_write(context, response, context.state.upload_file(*body, after_label(*fault)), *fault);
  });

  server.add("PUT", "/api1/:kind(jobs|contacts)/:jnid",
             [&context](const Request& request, Response& response) {
               const Kind kind = *kind_from_path(request.matches[1]);
               const auto fault = admit(context, request, response,
                                        "PUT /" + std::string(kind_path(kind)) + "/{jnid}", true);
               if (!fault) return;
               const auto body = parse_body(request, response);
               if (!body) return;
               answer_write(
                   context, response,
                   context.state.update(kind, request.matches[2], *body, after_label(*fault)),
                   *fault);
             });

  // Where GET /api1/files/{jnid} redirects: like a storage bucket's signed URL, it needs no key
  // but expires, and a tampered signature is refused.
  server.add("GET", "/sandbox-files/:jnid", [&context](const Request& request, Response& response) {
    context.traffic.count_request("GET /sandbox-files/{jnid}");
    const std::string jnid = request.matches[1];
    const std::string expires_text = request.get_param_value("expires");
    const int64_t expires = std::strtoll(expires_text.c_str(), nullptr, 10);
    const std::string expected = signature_of(context, jnid, expires);
    if (!constant_time_equals(request.get_param_value("signature"), expected)) {
      send_text(response, 403, "SignatureDoesNotMatch");
      return;
    }
    if (to_unix_seconds(context.clock.now()) > expires) {
      send_text(response, 403, "Request has expired");
      return;
    }
    FaultKind fault = context.traffic.decide(request.method, request.path, false);
    if (fault != FaultKind::none) context.traffic.count_fault(fault);
    if (fault == FaultKind::server_error || fault == FaultKind::server_error_after_write) {
      send_server_error(context, response, false);
      return;
    }
    if (fault == FaultKind::drop || fault == FaultKind::drop_after_write) {
      response.fault = {net::WireFault::Kind::drop, 0};
      return;
    }
    auto content = context.state.file_content(jnid);
    if (!content) {
      send_text(response, 404, "NoSuchKey");
      return;
    }
    response.status = 200;
    response.body = std::move(content->bytes);
    set_content_type(response, content->content_type);
    response.set_header("ETag", "\"" + md5_hex(response.body) + "\"");
    finish(context, response, fault == FaultKind::none ? fault : FaultKind::truncate);
  });
}

}  // namespace gep::sandbox

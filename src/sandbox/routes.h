#pragma once
// The HTTP surface of the sandbox: the JobNimbus API under /api1 (api_routes.cpp), signed file
// downloads, and the control API under /sandbox (control_routes.cpp). Shared helpers here.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "net/message.h"
#include "net/route_table.h"
#include "sandbox/sandbox_state.h"
#include "sandbox/traffic.h"

namespace gep::sandbox {

struct RouteContext {
  SandboxState& state;
  Traffic& traffic;
  Clock& clock;
  std::string api_key;
  std::string signing_key;  // signs download URLs; random per server
  int signed_url_ttl_seconds = 300;
  std::string fallback_origin;  // "http://host:port" when a request carries no Host header
  std::string state_file;
};

void install_api_routes(net::RouteTable& server, RouteContext& context);
void install_control_routes(net::RouteTable& server, RouteContext& context);

// `Authorization: Bearer <key>` (any case of "bearer"), compared in constant time.
bool is_authorized(const net::Request& request, std::string_view api_key);
void set_content_type(net::Response& response, std::string_view type);
void send_json(net::Response& response, int status, std::string body);
void send_text(net::Response& response, int status, std::string text);
// {"message": "..."}
void send_message(net::Response& response, int status, std::string_view message);
// validation → 400 (plain text, as JobNimbus's validation errors), not_found → 404 (JSON),
// window → 400 (JSON), anything else → 500.
void send_error(net::Response& response, const Error& error);
// A different tie order for every request.
uint64_t request_seed();
// "http://<Host header>" or the fallback: where the client reached us, for absolute URLs.
std::string origin_of(const net::Request& request, const RouteContext& context);

}  // namespace gep::sandbox

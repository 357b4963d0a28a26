#include "sandbox/routes.h"

#include <nlohmann/json.hpp>
#include <random>

#include "core/secrets.h"
#include "sandbox/rng.h"

namespace gep::sandbox {

bool is_authorized(const net::Request& request, std::string_view api_key) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size()) return false;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    const char c = header[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kScheme[i]) return false;
  }
  std::string_view key = std::string_view(header).substr(kScheme.size());
  while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
  while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
  return constant_time_equals(key, api_key);
}

void set_content_type(net::Response& response, std::string_view type) {
  response.headers.erase("Content-Type");  // a fault may replace an answer already set
  response.set_header("Content-Type", std::string(type));
}

void send_json(net::Response& response, int status, std::string body) {
  response.status = status;
  response.body = std::move(body);
  set_content_type(response, "application/json; charset=utf-8");
}

void send_text(net::Response& response, int status, std::string text) {
  response.status = status;
  response.body = std::move(text);
  set_content_type(response, "text/plain; charset=utf-8");
}

void send_message(net::Response& response, int status, std::string_view message) {
  send_json(response, status, nlohmann::json{{"message", message}}.dump());
}

void send_error(net::Response& response, const Error& error) {
  if (error.code == "validation") {
    send_text(response, 400, error.message);
  } else if (error.code == "window") {
    send_message(response, 400, error.message);
  } else if (error.code == "not_found") {
    send_message(response, 404, error.message);
  } else {
    send_message(response, 500, error.message);
  }
}

uint64_t request_seed() {
  thread_local Rng rng([] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }());
  return rng.next();
}

std::string origin_of(const net::Request& request, const RouteContext& context) {
  const std::string host = request.get_header_value("Host");
  // Only a plain host[:port] is echoed into a Location header.
  const bool plain = !host.empty() && host.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789.-:[]") == std::string::npos;
  return plain ? "http://" + host : context.fallback_origin;
}

}  // namespace gep::sandbox

#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace gep {

// The parts of an absolute URL that configuration and the HTTP client need.
struct Url {
  std::string scheme;  // lower-case
  std::string user;
  std::string password;
  std::string host;  // without brackets for IPv6
  int port = 0;      // 0 when absent
  std::string path_and_query;
};

std::optional<Url> parse_url(std::string_view text);

// localhost, 127.0.0.0/8 and ::1: the only hosts where plain http is allowed.
bool is_loopback_host(std::string_view host);

}  // namespace gep

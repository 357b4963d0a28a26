#pragma once
// gep's own HTTP request and response. Handlers, routers and guards see only these; the wire
// (Boost.Beast, server.h) fills a Request and writes a Response.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gep::net {

// Header and parameter names compare without regard to ASCII case, as HTTP says.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view left, std::string_view right) const;
};
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;
using Params = std::multimap<std::string, std::string>;
using PathParams = std::map<std::string, std::string>;

struct Request {
  std::string method;
  std::string target;  // as received: "/api/v1/jobs?q=a%20b"
  std::string path;    // percent-decoded, without the query
  Params params;       // the decoded query, and a urlencoded form body's fields
  Headers headers;
  std::string body;
  std::string remote_addr;
  // Set by the router: the matched template ("/api/v1/jobs/:id"), its values, and the regex
  // groups of a pattern route (matches[0] is the whole path).
  std::string route;
  PathParams path_params;
  std::vector<std::string> matches;
  // Who the access guard admitted ("api-key", "staff:<user>", "customer:<id>"); empty if open.
  std::string principal;
  // A staff page's session CSRF token, set by its guard for the page's forms; empty otherwise.
  std::string session_csrf;

  bool has_header(std::string_view name) const;
  // The first value of `name`, or `fallback`.
  std::string get_header_value(std::string_view name, std::string_view fallback = "") const;
  bool has_param(std::string_view name) const;
  std::string get_param_value(std::string_view name) const;
};

// A response that fails on the wire on purpose (the sandbox's faults): closed without a byte,
// or the headers and only `keep` bytes of the body.
struct WireFault {
  enum class Kind { none, drop, truncate };
  Kind kind = Kind::none;
  size_t keep = 0;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, the body sent instead of `body`, shared rather than copied (a cached answer).
  std::shared_ptr<const std::string> shared_body;
  WireFault fault;

  // The body that will be sent, whichever holds it.
  std::string_view body_view() const { return shared_body ? *shared_body : body; }

  bool has_header(std::string_view name) const;
  std::string get_header_value(std::string_view name) const;
  // Replaces every value of `name`.
  void set_header(std::string_view name, std::string_view value);
  // Adds one more value (Set-Cookie).
  void add_header(std::string_view name, std::string_view value);
  void remove_header(std::string_view name);
  void set_content(std::string content, std::string_view content_type);
};

// "%41b+c" -> "Ab c" when `plus_is_space`; a malformed escape is kept as written.
std::string percent_decode(std::string_view text, bool plus_is_space);
// "a=1&b=x%20y" -> {a:1, b:"x y"}, appended to `into`.
void parse_query(std::string_view query, Params& into);
// Fills path and params from target (and a urlencoded body), as the server does.
void decode_target(Request& request);

}  // namespace gep::net

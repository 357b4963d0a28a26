#include "http/router.h"

#include "http/json_response.h"

namespace gep::http {

std::string pattern_to_regex(const std::string& pattern, std::vector<std::string>& names) {
  std::string regex;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == ':') {
      size_t end = i + 1;
      while (end < pattern.size() && pattern[end] != '/') ++end;
      names.push_back(pattern.substr(i + 1, end - i - 1));
      regex += "([^/]+)";
      i = end;
      continue;
    }
    if (std::string_view(".+*?^$()[]{}|\\").find(pattern[i]) != std::string_view::npos)
      regex += '\\';
    regex += pattern[i];
    ++i;
  }
  return regex;
}

Router::Router(httplib::Server& server, AccessGuard internal_guard)
    : server_(server), internal_guard_(std::move(internal_guard)) {}

bool Router::allow_customer(const httplib::Request& request, httplib::Response& response) const {
  if (customer_guard_) return customer_guard_(request, response);
  send_error(response, 401, "unauthorized", "sign in to the customer portal");
  return false;
}

void Router::get(const std::string& pattern, Access access, Handler handler) {
  add("GET", pattern, access, std::move(handler));
}
void Router::post(const std::string& pattern, Access access, Handler handler) {
  add("POST", pattern, access, std::move(handler));
}
void Router::put(const std::string& pattern, Access access, Handler handler) {
  add("PUT", pattern, access, std::move(handler));
}
void Router::del(const std::string& pattern, Access access, Handler handler) {
  add("DELETE", pattern, access, std::move(handler));
}

void Router::add(const std::string& method, const std::string& pattern, Access access,
                 Handler handler) {
  routes_.push_back({method, pattern, access});
  std::vector<std::string> names;
  const std::string regex = pattern_to_regex(pattern, names);
  auto wrapped = [this, access, names, handler = std::move(handler)](
                     const httplib::Request& request, httplib::Response& response) {
    if (access == Access::internal && !internal_guard_(request, response)) return;
    if (access == Access::customer && !allow_customer(request, response)) return;
    PathParams params;
    for (size_t i = 0; i < names.size() && i + 1 < request.matches.size(); ++i) {
      params[names[i]] = request.matches[i + 1].str();
    }
    handler(request, response, params);
  };
  if (method == "GET") server_.Get(regex, wrapped);
  if (method == "POST") server_.Post(regex, wrapped);
  if (method == "PUT") server_.Put(regex, wrapped);
  if (method == "DELETE") server_.Delete(regex, wrapped);
}

}  // namespace gep::http

#include "http/router.h"

#include "http/error_code.h"

namespace gep::http {

Router::Router(net::RouteTable& table, AccessGuard internal_guard)
    : table_(table), internal_guard_(std::move(internal_guard)) {}

bool Router::allow_customer(Request& request, Response& response) const {
  if (customer_guard_) return customer_guard_(request, response);
  send_error(response, ErrorCode::unauthorized, "sign in to the customer portal");
  return false;
}

bool Router::allow_page(Request& request, Response& response) const {
  if (page_guard_) return page_guard_(request, response);
  send_error(response, ErrorCode::unauthorized, "sign in");
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

void Router::accept_uploads(const std::string& method, const std::string& pattern) {
  for (auto& route : routes_) {
    if (route.method == method && route.pattern == pattern) route.large_body = true;
  }
}

bool Router::takes_uploads(const std::string& method, const std::string& pattern) const {
  for (const auto& route : routes_) {
    if (route.method == method && route.pattern == pattern) return route.large_body;
  }
  return false;
}

void Router::add(const std::string& method, const std::string& pattern, Access access,
                 Handler handler) {
  routes_.push_back({method, pattern, access});
  table_.add(method, pattern,
             [this, access, handler = std::move(handler)](Request& request, Response& response) {
               if (access == Access::internal && !internal_guard_(request, response)) return;
               if (access == Access::customer && !allow_customer(request, response)) return;
               if (access == Access::staff_page && !allow_page(request, response)) return;
               handler(request, response, request.path_params);
             });
}

}  // namespace gep::http

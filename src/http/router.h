#pragma once
// Routes are declared with ":name" parameters and an access level. The table is kept so that a
// test can walk every route and prove who may call it.
#include <httplib.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace gep::http {

enum class Access {
  open,      // anyone: health, embed resolve, webhooks (they check their own secret)
  internal,  // staff: header x-internal-api-key or a staff session
  customer,  // a customer portal session (the portal module supplies the guard)
};

using PathParams = std::map<std::string, std::string>;
using Handler = std::function<void(const httplib::Request&, httplib::Response&, const PathParams&)>;
// Decides whether a request may reach an internal route; on refusal it writes the answer.
using AccessGuard = std::function<bool(const httplib::Request&, httplib::Response&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;  // as declared, e.g. "/api/v1/jobs/:id"
  Access access;
};

class Router {
 public:
  Router(httplib::Server& server, AccessGuard internal_guard);

  void get(const std::string& pattern, Access access, Handler handler);
  void post(const std::string& pattern, Access access, Handler handler);
  void put(const std::string& pattern, Access access, Handler handler);
  void del(const std::string& pattern, Access access, Handler handler);
  // Until one is set, customer routes answer 401.
  void set_customer_guard(AccessGuard guard) { customer_guard_ = std::move(guard); }

  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  bool allow_customer(const httplib::Request& request, httplib::Response& response) const;
  void add(const std::string& method, const std::string& pattern, Access access, Handler handler);

  httplib::Server& server_;
  AccessGuard internal_guard_;
  AccessGuard customer_guard_;
  std::vector<RouteInfo> routes_;
};

// "/api/v1/jobs/:id" -> regex "/api/v1/jobs/([^/]+)" and the names {"id"}.
std::string pattern_to_regex(const std::string& pattern, std::vector<std::string>& names);

}  // namespace gep::http

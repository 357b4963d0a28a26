#pragma once
// Routes are declared with ":name" parameters and an access level. The table is kept so that a
// test can walk every route and prove who may call it.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "net/message.h"
#include "net/route_table.h"

namespace gep::http {

using Request = net::Request;
using Response = net::Response;

enum class Access {
  open,        // anyone: health, embed resolve, webhooks (they check their own secret)
  internal,    // staff: header x-internal-api-key or a staff session
  customer,    // a customer portal session (the portal module supplies the guard)
  staff_page,  // a page of the dashboard: a staff session (the web module's guard redirects a
               // browser without one to the sign-in page)
};

using PathParams = net::PathParams;
using Handler = std::function<void(const Request&, Response&, const PathParams&)>;
// Decides whether a request may reach a guarded route: on admission it names the caller in
// request.principal; on refusal it writes the answer.
using AccessGuard = std::function<bool(Request&, Response&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;  // as declared, e.g. "/api/v1/jobs/:id"
  Access access;
  bool large_body = false;  // takes uploads up to the server's upload limit
};

class Router {
 public:
  Router(net::RouteTable& table, AccessGuard internal_guard);

  void get(const std::string& pattern, Access access, Handler handler);
  void post(const std::string& pattern, Access access, Handler handler);
  void put(const std::string& pattern, Access access, Handler handler);
  void del(const std::string& pattern, Access access, Handler handler);
  // The route (already declared) accepts bodies up to the upload limit, not the JSON limit.
  void accept_uploads(const std::string& method, const std::string& pattern);
  // Until one is set, customer routes answer 401.
  void set_customer_guard(AccessGuard guard) { customer_guard_ = std::move(guard); }
  // Until one is set, staff pages answer 401.
  void set_page_guard(AccessGuard guard) { page_guard_ = std::move(guard); }

  const std::vector<RouteInfo>& routes() const { return routes_; }
  bool takes_uploads(const std::string& method, const std::string& pattern) const;

 private:
  bool allow_customer(Request& request, Response& response) const;
  bool allow_page(Request& request, Response& response) const;
  void add(const std::string& method, const std::string& pattern, Access access, Handler handler);

  net::RouteTable& table_;
  AccessGuard internal_guard_;
  AccessGuard customer_guard_;
  AccessGuard page_guard_;
  std::vector<RouteInfo> routes_;
};

}  // namespace gep::http

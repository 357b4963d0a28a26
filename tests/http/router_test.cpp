#include "http/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace gep::http {
namespace {

Request request_for(const std::string& method, const std::string& path) {
  Request request;
  request.method = method;
  request.path = path;
  return request;
}

std::string error_code_of(const Response& response) {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  return body.is_object() ? body["error"].value("code", "") : "";
}

TEST(Router, HandlersSeeNamedParametersAndTheRouteTemplate) {
  net::RouteTable table;
  Router router(table, [](Request&, Response&) { return true; });
  std::string seen;
  router.get("/api/v1/jobs/:jobId/notes", Access::open,
             [&](const Request& request, Response&, const PathParams& params) {
               seen = params.at("jobId") + " " + request.route;
             });
  auto request = request_for("GET", "/api/v1/jobs/abc123/notes");
  Response response;
  ASSERT_TRUE(table.dispatch(request, response));
  EXPECT_EQ(seen, "abc123 /api/v1/jobs/:jobId/notes");
  auto deeper = request_for("GET", "/api/v1/jobs/a/b/notes");
  EXPECT_FALSE(table.dispatch(deeper, response));
}

TEST(Router, TheInternalGuardDecidesAndNamesTheCaller) {
  net::RouteTable table;
  Router router(table, [](Request& request, Response& response) {
    if (request.get_header_value("x-internal-api-key") != "k") {
      response.status = 401;
      return false;
    }
    request.principal = "staff:key";
    return true;
  });
  std::string principal;
  router.post(
      "/api/v1/sync", Access::internal,
      [&](const Request& request, Response&, const PathParams&) { principal = request.principal; });
  auto refused = request_for("POST", "/api/v1/sync");
  Response refused_response;
  ASSERT_TRUE(table.dispatch(refused, refused_response));
  EXPECT_EQ(refused_response.status, 401);
  EXPECT_TRUE(principal.empty());
  auto admitted = request_for("POST", "/api/v1/sync");
  admitted.headers.emplace("X-Internal-Api-Key", "k");
  Response admitted_response;
  ASSERT_TRUE(table.dispatch(admitted, admitted_response));
  EXPECT_EQ(principal, "staff:key");
}

TEST(Router, CustomerRoutesAnswer401UntilTheyHaveAGuard) {
  net::RouteTable table;
  Router router(table, [](Request&, Response&) { return true; });
  bool reached = false;
  router.get("/api/v1/portal/me", Access::customer,
             [&](const Request&, Response&, const PathParams&) { reached = true; });
  auto request = request_for("GET", "/api/v1/portal/me");
  Response response;
  ASSERT_TRUE(table.dispatch(request, response));
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(error_code_of(response), "unauthorized");
  EXPECT_FALSE(reached);
  router.set_customer_guard([](Request&, Response&) { return true; });
  Response admitted;
  ASSERT_TRUE(table.dispatch(request, admitted));
  EXPECT_TRUE(reached);
}

TEST(Router, OnlyDeclaredRoutesTakeUploads) {
  net::RouteTable table;
  Router router(table, [](Request&, Response&) { return true; });
  const auto ignore = [](const Request&, Response&, const PathParams&) {};
  router.post("/api/v1/jobs/:id/attachments", Access::internal, ignore);
  router.post("/api/v1/jobs/:id/notes", Access::internal, ignore);
  router.accept_uploads("POST", "/api/v1/jobs/:id/attachments");
  EXPECT_TRUE(router.takes_uploads("POST", "/api/v1/jobs/:id/attachments"));
  EXPECT_FALSE(router.takes_uploads("POST", "/api/v1/jobs/:id/notes"));
  EXPECT_FALSE(router.takes_uploads("GET", "/api/v1/jobs/:id/attachments"));
  ASSERT_EQ(router.routes().size(), 2U);
  EXPECT_TRUE(router.routes()[0].large_body);
}

}  // namespace
}  // namespace gep::http

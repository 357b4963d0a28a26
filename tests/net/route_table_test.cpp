#include "net/route_table.h"

#include <gtest/gtest.h>

namespace gep::net {
namespace {

Request request_for(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

TEST(RouteTableTest, ParametersAreNamedAndInOrder) {
  RouteTable table;
  table.add("GET", "/api/v1/jobs/:jobId/files/:fileId",
            [](Request&, Response& response) { response.body = "files"; });
  Request request = request_for("GET", "/api/v1/jobs/j1/files/f2");
  Response response;
  ASSERT_TRUE(table.dispatch(request, response));
  EXPECT_EQ(response.body, "files");
  EXPECT_EQ(request.route, "/api/v1/jobs/:jobId/files/:fileId");
  EXPECT_EQ(request.path_params.at("jobId"), "j1");
  EXPECT_EQ(request.path_params.at("fileId"), "f2");
  ASSERT_EQ(request.matches.size(), 3U);
  EXPECT_EQ(request.matches[1], "j1");
  EXPECT_EQ(request.matches[2], "f2");
}

TEST(RouteTableTest, ChoicesLimitAParameter) {
  RouteTable table;
  table.add("GET", "/api1/:kind(jobs|contacts)",
            [](Request&, Response& response) { response.body = "list"; });
  Response response;
  Request jobs = request_for("GET", "/api1/jobs");
  EXPECT_TRUE(table.dispatch(jobs, response));
  EXPECT_EQ(jobs.path_params.at("kind"), "jobs");
  Request tasks = request_for("GET", "/api1/tasks");
  EXPECT_FALSE(table.dispatch(tasks, response));
}

TEST(RouteTableTest, MethodSegmentsAndEmptyParametersMustMatch) {
  RouteTable table;
  table.add("GET", "/a/:id", [](Request&, Response&) {});
  Response response;
  Request post = request_for("POST", "/a/1");
  EXPECT_FALSE(table.dispatch(post, response));
  Request deeper = request_for("GET", "/a/1/b");
  EXPECT_FALSE(table.dispatch(deeper, response));
  Request empty = request_for("GET", "/a/");
  EXPECT_FALSE(table.dispatch(empty, response));
  EXPECT_EQ(table.route_of("GET", "/a/7"), "/a/:id");
  EXPECT_EQ(table.route_of("GET", "/b"), "");
}

TEST(RouteTableTest, TheFirstDeclaredRouteWins) {
  RouteTable table;
  table.add("GET", "/jobs/summary", [](Request&, Response& response) { response.body = "fixed"; });
  table.add("GET", "/jobs/:id", [](Request&, Response& response) { response.body = "param"; });
  Response response;
  Request fixed = request_for("GET", "/jobs/summary");
  table.dispatch(fixed, response);
  EXPECT_EQ(response.body, "fixed");
  Request other = request_for("GET", "/jobs/42");
  table.dispatch(other, response);
  EXPECT_EQ(response.body, "param");
}

TEST(RouteTableTest, APatternMustStartWithASlash) {
  RouteTable table;
  EXPECT_THROW(table.add("GET", "jobs", [](Request&, Response&) {}), std::invalid_argument);
}

}  // namespace
}  // namespace gep::net

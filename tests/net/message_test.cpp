#include "net/message.h"

#include <gtest/gtest.h>

namespace gep::net {
namespace {

TEST(MessageTest, HeaderNamesCompareWithoutCase) {
  Request request;
  request.headers.emplace("Content-Type", "application/json");
  EXPECT_TRUE(request.has_header("content-type"));
  EXPECT_EQ(request.get_header_value("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(request.get_header_value("X-Missing", "fallback"), "fallback");
}

TEST(MessageTest, TargetIsDecodedIntoPathAndParameters) {
  Request request;
  request.target = "/api/v1/jobs/a%20b?q=solar+panel&limit=5&empty=&flag&q=second";
  decode_target(request);
  EXPECT_EQ(request.path, "/api/v1/jobs/a b");
  EXPECT_EQ(request.get_param_value("q"), "solar panel");  // the first of two
  EXPECT_EQ(request.params.count("q"), 2U);
  EXPECT_EQ(request.get_param_value("limit"), "5");
  EXPECT_TRUE(request.has_param("empty"));
  EXPECT_TRUE(request.has_param("flag"));
  EXPECT_FALSE(request.has_param("absent"));
}

TEST(MessageTest, AFormBodyAddsItsFields) {
  Request request;
  request.target = "/api/v1/portal/session";
  request.headers.emplace("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.body = "token=abc%2Bdef&next=%2Fportal%2F";
  decode_target(request);
  EXPECT_EQ(request.get_param_value("token"), "abc+def");
  EXPECT_EQ(request.get_param_value("next"), "/portal/");
}

TEST(MessageTest, MalformedEscapesStayAsWritten) {
  EXPECT_EQ(percent_decode("100%", false), "100%");
  EXPECT_EQ(percent_decode("%zz%4", false), "%zz%4");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("%0a%00", false), std::string("\n\0", 2));
}

TEST(MessageTest, SetHeaderReplacesAndAddHeaderAppends) {
  Response response;
  response.add_header("Set-Cookie", "a=1");
  response.add_header("Set-Cookie", "b=2");
  EXPECT_EQ(response.headers.count("set-cookie"), 2U);
  response.set_header("Set-Cookie", "c=3");
  EXPECT_EQ(response.headers.count("Set-Cookie"), 1U);
  EXPECT_EQ(response.get_header_value("set-cookie"), "c=3");
  response.remove_header("SET-COOKIE");
  EXPECT_FALSE(response.has_header("Set-Cookie"));
}

}  // namespace
}  // namespace gep::net

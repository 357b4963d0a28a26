#include "http/router.h"

#include <gtest/gtest.h>

#include <regex>

namespace gep::http {
namespace {

TEST(Router, PatternToRegexCapturesNamedParameters) {
  std::vector<std::string> names;
  const std::string regex = pattern_to_regex("/api/v1/jobs/:jobId/notes", names);
  EXPECT_EQ(regex, "/api/v1/jobs/([^/]+)/notes");
  ASSERT_EQ(names.size(), 1U);
  EXPECT_EQ(names[0], "jobId");
  EXPECT_TRUE(std::regex_match("/api/v1/jobs/abc123/notes", std::regex(regex)));
  EXPECT_FALSE(std::regex_match("/api/v1/jobs/a/b/notes", std::regex(regex)));
}

TEST(Router, LiteralDotsAreEscaped) {
  std::vector<std::string> names;
  const std::string regex = pattern_to_regex("/static/app.css", names);
  EXPECT_TRUE(std::regex_match("/static/app.css", std::regex(regex)));
  EXPECT_FALSE(std::regex_match("/static/appXcss", std::regex(regex)));
}

}  // namespace
}  // namespace gep::http

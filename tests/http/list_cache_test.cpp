// ListCache: an answer is reused only under the version it was rendered with.
#include "http/list_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gep::http {
namespace {

struct Fixture {
  std::string version = "jobs=1;";
  bool version_fails = false;
  std::vector<std::string> asked;  // the tables each request asked the version of
  int renders = 0;
  ListCache cache{[this](std::initializer_list<std::string_view> tables) -> Result<std::string> {
    std::string joined;
    for (const auto table : tables) joined += std::string(table) + ",";
    asked.push_back(joined);
    if (version_fails) return fail("database", "down");
    return version;
  }};

  Response get(const std::string& target, int status = 200) {
    Request request;
    request.target = target;
    Response response;
    cache.answer(request, response, {"jobs", "risk_snapshots"}, [&] {
      ++renders;
      response.status = status;
      response.body = "render " + std::to_string(renders);
      response.set_header("X-Total-Count", std::to_string(renders));
    });
    return response;
  }
};

TEST(ListCacheTest, ReusesAnAnswerUntilTheVersionMoves) {
  Fixture f;
  EXPECT_EQ(f.get("/a?x=1").body_view(), "render 1");
  const Response again = f.get("/a?x=1");
  EXPECT_EQ(again.body_view(), "render 1");
  EXPECT_EQ(again.get_header_value("X-Total-Count"), "1");
  EXPECT_EQ(f.renders, 1);
  EXPECT_EQ(f.asked.back(), "jobs,risk_snapshots,");
  EXPECT_EQ(f.get("/a?x=2").body_view(), "render 2");  // another target
  f.version = "jobs=2;";
  EXPECT_EQ(f.get("/a?x=1").body_view(), "render 3");
  EXPECT_EQ(f.get("/a?x=1").body_view(), "render 3");
  EXPECT_EQ(f.renders, 3);
}

TEST(ListCacheTest, KeepsOnlySuccessfulAnswersAndRendersWhenTheVersionIsUnknown) {
  Fixture f;
  EXPECT_EQ(f.get("/bad", 400).status, 400);
  EXPECT_EQ(f.get("/bad", 400).body_view(), "render 2");
  f.version_fails = true;
  f.get("/ok");
  f.get("/ok");
  EXPECT_EQ(f.renders, 4);
}

}  // namespace
}  // namespace gep::http

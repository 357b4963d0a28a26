// The paging plan of the cursor stream, without HTTP.
#include <gtest/gtest.h>

#include "jobnimbus/cursor.h"

namespace gep::jobnimbus {
namespace {

TEST(StreamCursorTest, RoundTripsThroughJson) {
  StreamCursor cursor{1'700'000'123, {"a", "b\"c", "ü"}};
  const auto back = StreamCursor::from_json(cursor.to_json());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, cursor);
  EXPECT_FALSE(StreamCursor::from_json("{}").has_value());
  EXPECT_FALSE(StreamCursor::from_json("nonsense").has_value());
  EXPECT_FALSE(StreamCursor::from_json(R"({"since":1,"seen":[1]})").has_value());
}

TEST(CursorPagerTest, MovesToTheLastSecondAndSkipsWhatItSawThere) {
  CursorPager pager(StreamCursor{}, 3);
  std::vector<std::string> warnings;
  auto request = pager.begin_page();
  EXPECT_EQ(request.gte, 0);
  EXPECT_EQ(request.from, 0);
  EXPECT_FALSE(request.lte.has_value());
  EXPECT_TRUE(pager.admit("a", 10));
  EXPECT_TRUE(pager.admit("b", 11));
  EXPECT_TRUE(pager.admit("c", 11));
  pager.finish_page(3, 100, warnings);
  EXPECT_FALSE(pager.done());
  EXPECT_EQ(pager.cursor().since, 11);
  EXPECT_EQ(pager.cursor().seen_at_since, (std::set<std::string>{"b", "c"}));

  request = pager.begin_page();
  EXPECT_EQ(request.gte, 11);
  EXPECT_EQ(request.from, 0);
  EXPECT_FALSE(pager.admit("c", 11));  // same second, other order: still skipped
  EXPECT_TRUE(pager.admit("d", 11));
  EXPECT_FALSE(pager.admit("b", 11));
  pager.finish_page(3, 4, warnings);
  EXPECT_EQ(pager.cursor().seen_at_since.size(), 3U);
  EXPECT_FALSE(pager.done());  // a full page could hide more: ask again

  // A full page that did not leave second 11: page inside it by jnid with `from`.
  request = pager.begin_page();
  EXPECT_EQ(request.lte, 11);
  EXPECT_EQ(request.from, 0);
  EXPECT_EQ(request.sort_field, "jnid");
  EXPECT_FALSE(pager.admit("b", 11));
  EXPECT_FALSE(pager.admit("c", 11));
  EXPECT_FALSE(pager.admit("d", 11));
  pager.finish_page(3, 3, warnings);
  request = pager.begin_page();
  EXPECT_EQ(request.from, 3);
  pager.finish_page(0, 3, warnings);
  EXPECT_FALSE(pager.done());
  EXPECT_EQ(pager.cursor().since, 12);  // all 3 of second 11 were listed: move past it

  request = pager.begin_page();
  EXPECT_EQ(request.gte, 12);
  pager.finish_page(0, 0, warnings);
  EXPECT_TRUE(pager.done());
  EXPECT_TRUE(warnings.empty());
}

TEST(CursorPagerTest, PagesInsideACrowdedSecondWithFrom) {
  CursorPager pager(StreamCursor{50, {}}, 2);
  std::vector<std::string> warnings;
  auto request = pager.begin_page();
  EXPECT_EQ(request.sort_field, "date_updated");
  pager.admit("b", 50);
  pager.admit("d", 50);
  pager.finish_page(2, 5, warnings);
  request = pager.begin_page();
  EXPECT_EQ(request.gte, 50);
  EXPECT_EQ(request.lte, 50);
  EXPECT_EQ(request.from, 0);
  EXPECT_EQ(request.sort_field, "jnid");
  EXPECT_TRUE(pager.admit("a", 50));
  EXPECT_FALSE(pager.admit("b", 50));
  pager.finish_page(2, 5, warnings);
  request = pager.begin_page();
  EXPECT_EQ(request.from, 2);
  EXPECT_TRUE(pager.admit("c", 50));
  EXPECT_FALSE(pager.admit("d", 50));
  pager.finish_page(2, 5, warnings);
  request = pager.begin_page();
  EXPECT_EQ(request.from, 4);
  EXPECT_TRUE(pager.admit("e", 50));
  pager.finish_page(1, 5, warnings);
  EXPECT_EQ(pager.cursor().since, 51);  // the second is complete: move past it
  EXPECT_TRUE(pager.cursor().seen_at_since.empty());
  request = pager.begin_page();
  EXPECT_EQ(request.gte, 51);
  EXPECT_FALSE(request.lte.has_value());
  EXPECT_EQ(request.from, 0);
  EXPECT_EQ(request.sort_field, "date_updated");
  EXPECT_TRUE(warnings.empty());
}

TEST(CursorPagerTest, RescansASecondWhoseOrderShifted) {
  // The API ignored the jnid sort: pages inside the second came in shifting order.
  CursorPager pager(StreamCursor{50, {}}, 2);
  std::vector<std::string> warnings;
  pager.begin_page();
  pager.admit("a", 50);
  pager.admit("b", 50);
  pager.finish_page(2, 3, warnings);
  pager.begin_page();  // pass 1, from 0
  pager.admit("b", 50);
  pager.admit("a", 50);
  pager.finish_page(2, 3, warnings);
  pager.begin_page();  // pass 1, from 2: "c" slid to a page already read
  pager.admit("a", 50);
  pager.finish_page(1, 3, warnings);
  const auto request = pager.begin_page();
  EXPECT_EQ(request.from, 0);  // pass 2
  EXPECT_EQ(request.lte, 50);
  pager.admit("c", 50);
  pager.admit("a", 50);
  pager.finish_page(2, 3, warnings);
  pager.begin_page();
  pager.admit("b", 50);
  pager.finish_page(1, 3, warnings);
  EXPECT_EQ(pager.cursor().since, 51);
  EXPECT_TRUE(warnings.empty());
}

TEST(CursorPagerTest, WarnsWhenASecondExceedsTheWindow) {
  CursorPager pager(StreamCursor{7, {}}, 1000);
  std::vector<std::string> warnings;
  int id = 0;
  for (int page = 0; page < 11; ++page) {  // one in date order, then 10 inside the second
    const auto request = pager.begin_page();
    EXPECT_LE(request.from + request.size, 10'000);
    for (int i = 0; i < request.size; ++i) pager.admit("r" + std::to_string(id++), 7);
    pager.finish_page(static_cast<size_t>(request.size), 12'000, warnings);
  }
  EXPECT_EQ(pager.cursor().since, 8);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_NE(warnings[0].find("12000 records share date_updated 7"), std::string::npos);
}

TEST(CursorPagerTest, RecordsWithoutADateAreDeliveredWithoutMovingTheCursor) {
  CursorPager pager(StreamCursor{5, {}}, 10);
  pager.begin_page();
  EXPECT_TRUE(pager.admit("x", std::nullopt));
  EXPECT_EQ(pager.cursor().since, 5);
}

}  // namespace
}  // namespace gep::jobnimbus

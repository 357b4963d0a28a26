// The paging plan of the cursor stream, without HTTP.
#include <gtest/gtest.h>

#include <algorithm>

#include "jobnimbus/cursor.h"

namespace gep::jobnimbus {
namespace {

StreamCursor at(UnixSeconds since, std::set<std::string> seen = {},
                std::optional<std::string> after = std::nullopt) {
  StreamCursor cursor;
  cursor.since = since;
  cursor.seen_at_since = std::move(seen);
  cursor.after_jnid = std::move(after);
  return cursor;
}

TEST(StreamCursorTest, RoundTripsThroughJson) {
  for (const StreamCursor& cursor :
       {at(1'700'000'123, {"a", "b\"c", "ü"}), at(1'700'000'123, {"x"}, ""), at(7, {}, "3pg")}) {
    const auto back = StreamCursor::from_json(cursor.to_json());
    ASSERT_TRUE(back.has_value()) << cursor.to_json();
    EXPECT_EQ(*back, cursor);
  }
  EXPECT_EQ(at(5).to_json().find("after"), std::string::npos);
  EXPECT_FALSE(StreamCursor::from_json("{}").has_value());
  EXPECT_FALSE(StreamCursor::from_json("nonsense").has_value());
  EXPECT_FALSE(StreamCursor::from_json(R"({"since":1,"seen":[1]})").has_value());
  EXPECT_FALSE(StreamCursor::from_json(R"({"since":1,"seen":[],"after":2})").has_value());
}

TEST(CursorPagerTest, MovesToTheLastSecondAndSkipsWhatItSawThere) {
  CursorPager pager(StreamCursor{}, 3);
  std::vector<std::string> warnings;
  auto request = pager.begin_page();
  EXPECT_EQ(request.gte, 0);
  EXPECT_FALSE(request.lte.has_value());
  EXPECT_FALSE(request.jnid_after.has_value());
  EXPECT_TRUE(pager.admit("a", 10));
  EXPECT_TRUE(pager.admit("b", 11));
  EXPECT_TRUE(pager.admit("c", 11));
  pager.finish_page(3, warnings);
  EXPECT_FALSE(pager.done());
  EXPECT_EQ(pager.cursor().since, 11);
  EXPECT_EQ(pager.cursor().seen_at_since, (std::set<std::string>{"b", "c"}));

  request = pager.begin_page();
  EXPECT_EQ(request.gte, 11);
  EXPECT_FALSE(pager.admit("c", 11));  // same second, other order: still skipped
  EXPECT_TRUE(pager.admit("d", 11));
  EXPECT_FALSE(pager.admit("b", 11));
  pager.finish_page(3, warnings);
  EXPECT_EQ(pager.cursor().seen_at_since.size(), 3U);
  EXPECT_FALSE(pager.done());                // a full page could hide more: ask again
  EXPECT_EQ(pager.cursor().after_jnid, "");  // it did not leave second 11: crowded

  // Inside second 11 by jnid, from its first jnid.
  request = pager.begin_page();
  EXPECT_EQ(request.gte, 11);
  EXPECT_EQ(request.lte, 11);
  EXPECT_FALSE(request.jnid_after.has_value());
  EXPECT_EQ(request.sort_field, "jnid");
  EXPECT_FALSE(pager.admit("b", 11));
  EXPECT_FALSE(pager.admit("c", 11));
  EXPECT_FALSE(pager.admit("d", 11));
  pager.finish_page(3, warnings);
  EXPECT_EQ(pager.cursor().after_jnid, "d");
  EXPECT_TRUE(pager.cursor().seen_at_since.empty());  // all passed by the jnid order
  request = pager.begin_page();
  EXPECT_EQ(request.jnid_after, "d");
  pager.finish_page(0, warnings);
  EXPECT_FALSE(pager.done());
  EXPECT_EQ(pager.cursor().since, 12);  // a short page ends the second: move past it
  EXPECT_FALSE(pager.cursor().after_jnid.has_value());

  request = pager.begin_page();
  EXPECT_EQ(request.gte, 12);
  EXPECT_EQ(request.sort_field, "date_updated");
  pager.finish_page(0, warnings);
  EXPECT_TRUE(pager.done());
  EXPECT_TRUE(warnings.empty());
}

TEST(CursorPagerTest, PagesInsideACrowdedSecondByJnid) {
  CursorPager pager(at(50), 2);
  std::vector<std::string> warnings;
  auto request = pager.begin_page();
  EXPECT_EQ(request.sort_field, "date_updated");
  EXPECT_TRUE(pager.admit("b", 50));
  EXPECT_TRUE(pager.admit("d", 50));
  pager.finish_page(2, warnings);
  request = pager.begin_page();
  EXPECT_EQ(request.gte, 50);
  EXPECT_EQ(request.lte, 50);
  EXPECT_FALSE(request.jnid_after.has_value());
  EXPECT_EQ(request.sort_field, "jnid");
  EXPECT_TRUE(pager.admit("a", 50));
  EXPECT_FALSE(pager.admit("b", 50));
  pager.finish_page(2, warnings);
  EXPECT_EQ(pager.cursor().seen_at_since, (std::set<std::string>{"d"}));
  request = pager.begin_page();
  EXPECT_EQ(request.jnid_after, "b");
  EXPECT_TRUE(pager.admit("c", 50));
  EXPECT_FALSE(pager.admit("d", 50));
  pager.finish_page(2, warnings);
  request = pager.begin_page();
  EXPECT_EQ(request.jnid_after, "d");
  EXPECT_TRUE(pager.admit("e", 50));
  pager.finish_page(1, warnings);
  EXPECT_EQ(pager.cursor().since, 51);  // the second is complete: move past it
  EXPECT_TRUE(pager.cursor().seen_at_since.empty());
  request = pager.begin_page();
  EXPECT_EQ(request.gte, 51);
  EXPECT_FALSE(request.lte.has_value());
  EXPECT_FALSE(request.jnid_after.has_value());
  EXPECT_EQ(request.sort_field, "date_updated");
  EXPECT_TRUE(warnings.empty());
}

TEST(CursorPagerTest, AnySecondSizeIsListedWithoutTheResultWindow) {
  CursorPager pager(at(7), 1000);
  std::vector<std::string> warnings;
  int delivered = 0;
  int requests = 0;
  constexpr int kInSecond = 25'000;
  std::vector<std::string> jnids;
  for (int i = 0; i < kInSecond; ++i) jnids.push_back("r" + std::to_string(i));
  std::sort(jnids.begin(), jnids.end());
  size_t position = 0;
  while (!pager.done() && requests < 100) {
    const auto request = pager.begin_page();
    ++requests;
    if (request.gte > 7) {
      pager.finish_page(0, warnings);
      continue;
    }
    size_t returned = 0;
    // The first page comes in date order (any order), the others by jnid after `jnid_after`.
    if (request.jnid_after) {
      position = static_cast<size_t>(
          std::upper_bound(jnids.begin(), jnids.end(), *request.jnid_after) - jnids.begin());
    } else if (request.sort_field == "jnid") {
      position = 0;
    }
    for (; returned < static_cast<size_t>(request.size) && position < jnids.size(); ++returned) {
      if (pager.admit(jnids[request.sort_field == "jnid" ? position : jnids.size() - 1 - position],
                      7))
        ++delivered;
      ++position;
    }
    if (request.sort_field != "jnid") position = 0;
    pager.finish_page(returned, warnings);
  }
  EXPECT_TRUE(pager.done());
  EXPECT_EQ(delivered, kInSecond);
  EXPECT_EQ(requests, 1 + kInSecond / 1000 + 1 + 1);  // date page, jnid pages, empty, next second
  EXPECT_EQ(pager.cursor().since, 8);
  EXPECT_TRUE(warnings.empty());
}

TEST(CursorPagerTest, AnIgnoredJnidSortTurnsThePlanIntoAScanOfTheSecond) {
  CursorPager pager(at(50, {}, ""), 2);
  std::vector<std::string> warnings;
  pager.begin_page();
  pager.admit("c", 50);
  pager.admit("a", 50);
  pager.note_count(3);
  pager.finish_page(2, warnings);
  EXPECT_TRUE(warnings.empty());
  // Saved meanwhile: restart the second (a scan cannot resume part-way).
  EXPECT_FALSE(pager.cursor().after_jnid.has_value());
  EXPECT_EQ(pager.cursor().since, 50);
  const PageRequest scan = pager.begin_page();
  EXPECT_EQ(scan.sort_field, "date_created");
  EXPECT_EQ(scan.lte, 50);
  EXPECT_EQ(scan.from, 0);
  EXPECT_FALSE(scan.jnid_after.has_value());
  EXPECT_FALSE(pager.admit("a", 50));  // delivered by the jnid page already
  EXPECT_TRUE(pager.admit("b", 50));
  pager.note_count(3);
  pager.finish_page(2, warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(pager.cursor().since, 51);  // all three came: the second is done
}

TEST(CursorPagerTest, AJnidRangeThatIsNotAppliedIsNoticedByItsCount) {
  CursorPager pager(at(50, {}, ""), 2);
  std::vector<std::string> warnings;
  pager.begin_page();
  pager.admit("a", 50);
  pager.admit("b", 50);
  pager.note_count(5);
  pager.finish_page(2, warnings);
  EXPECT_EQ(pager.begin_page().jnid_after, "b");
  pager.admit("a", 50);
  pager.admit("b", 50);
  pager.note_count(5);  // 3 were left after "b": the range was dropped
  pager.finish_page(2, warnings);
  EXPECT_EQ(pager.begin_page().sort_field, "date_created");
}

TEST(CursorPagerTest, UnusableRecordsStillMoveTheJnidPlan) {
  CursorPager pager(at(50, {}, "a"), 2);
  std::vector<std::string> warnings;
  EXPECT_EQ(pager.begin_page().jnid_after, "a");
  pager.admit("b", 50);
  pager.note_unusable("c");
  pager.finish_page(2, warnings);
  EXPECT_EQ(pager.cursor().after_jnid, "c");
  pager.begin_page();
  pager.note_unusable("");
  pager.note_unusable("");
  pager.finish_page(2, warnings);  // nothing to move by: give the second up, loudly
  EXPECT_EQ(pager.cursor().since, 51);
  EXPECT_EQ(warnings.size(), 1U);
}

TEST(CursorPagerTest, RecordsWithoutADateAreDeliveredWithoutMovingTheCursor) {
  CursorPager pager(at(5), 10);
  pager.begin_page();
  EXPECT_TRUE(pager.admit("x", std::nullopt));
  EXPECT_EQ(pager.cursor().since, 5);
}

}  // namespace
}  // namespace gep::jobnimbus

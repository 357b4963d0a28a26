// Text search of the job list on both backends (SQLite FTS5, PostgreSQL pg_trgm behind one
// ListQuery.q): accented, numeric and punctuated text, in listing order, with filters.
#include <algorithm>
#include <string>
#include <vector>

#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using ListSearchTest = StoreTest;

// Search finds accented names, house numbers and punctuation on both stores, in listing order,
// with paging by cursor and by offset, with a status filter, and for short queries.
TEST_P(ListSearchTest, SearchFindsAccentedNumericAndPunctuatedTextInListingOrder) {
  std::vector<domain::Job> jobs;
  for (int n = 1; n <= 40; ++n) {
    domain::Job job = make_job(n);
    job.jn_date_updated = 1'700'000'000 + (n % 7) * 10;
    job.name = n % 10 == 1   ? "Chloé Dupont roof"
               : n % 10 == 2 ? "Job #1649 solar"
                             : "Solar " + job.name;
    job.address_line1 = n % 5 == 3 ? "1 N 52 E" : job.address_line1;
    jobs.push_back(job);
  }
  ASSERT_TRUE(db().jobs().upsert_batch(jobs));
  const auto jnids_for = [&](domain::ListQuery query) {
    query.limit = 1000;
    const auto page = db().jobs().list(query);
    EXPECT_TRUE(page) << page.error().message;
    std::vector<std::string> jnids;
    if (!page) return jnids;
    for (const auto& job : page->items) jnids.push_back(job.jnid);
    EXPECT_EQ(page->total, std::ssize(jnids)) << query.q;
    return jnids;
  };
  domain::ListQuery all;
  const auto listing = jnids_for(all);
  const auto expected_for = [&](const std::string& needle, const std::string& status) {
    std::vector<std::string> out;
    for (const auto& jnid : listing) {
      const auto& job = jobs[static_cast<size_t>(std::stoi(jnid.substr(3)) - 1)];
      const std::string text = job.name + " " + job.address_line1;
      std::string lowered = text;
      for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lowered.find(needle) != std::string::npos &&
          (status.empty() || job.status_name == status))
        out.push_back(jnid);
    }
    return out;
  };
  for (const std::string q : {"Chloé", "chloé", "N 52 E", "#1649", "solar", "SOLAR", "1649"}) {
    domain::ListQuery query;
    query.q = q;
    std::string needle = q;
    for (char& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto expected = expected_for(needle, "");
    ASSERT_FALSE(expected.empty()) << q;
    EXPECT_EQ(jnids_for(query), expected) << q;
    query.status = "Sold";
    EXPECT_EQ(jnids_for(query), expected_for(needle, "Sold")) << q << " status Sold";
  }
  // Through the index and without it (two characters), by cursor and by offset.
  for (const std::string q : {"solar", "so"}) {
    for (const std::string status : {"", "Lead"}) {
      domain::ListQuery query;
      query.q = q;
      query.status = status;
      const auto expected = jnids_for(query);
      ASSERT_FALSE(expected.empty());
      std::vector<std::string> walked;
      query.limit = 3;
      for (int pages = 0; pages < 100; ++pages) {
        const auto page = db().jobs().list(query);
        ASSERT_TRUE(page) << page.error().message;
        for (const auto& job : page->items) walked.push_back(job.jnid);
        if (page->next_cursor.empty()) break;
        query.after = page->next_cursor;
      }
      EXPECT_EQ(walked, expected) << q << " cursor, status '" << status << "'";
      query.after.clear();
      query.offset = 2;
      const auto offset_page = db().jobs().list(query);
      ASSERT_TRUE(offset_page);
      ASSERT_GE(expected.size(), 3U);
      EXPECT_EQ(offset_page->items.front().jnid, expected[2]) << q << " offset";
      query.offset = std::ssize(expected) - 2;  // read from the far end
      const auto end_page = db().jobs().list(query);
      ASSERT_TRUE(end_page);
      ASSERT_EQ(end_page->items.size(), 2U) << q;
      EXPECT_EQ(end_page->items[0].jnid, expected[expected.size() - 2]) << q << " end offset";
      EXPECT_EQ(end_page->items[1].jnid, expected.back()) << q << " end offset";
      EXPECT_TRUE(end_page->next_cursor.empty());
    }
  }
  // A deleted job leaves the search, and comes back with the deleted ones.
  ASSERT_TRUE(db().jobs().mark_deleted(std::vector<std::string>{"job2"}, 10));
  domain::ListQuery gone;
  gone.q = "#1649";
  const auto without = jnids_for(gone);
  EXPECT_EQ(std::count(without.begin(), without.end(), "job2"), 0);
  gone.include_deleted = true;
  const auto with = jnids_for(gone);
  EXPECT_EQ(std::count(with.begin(), with.end(), "job2"), 1);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(ListSearchTest);

}  // namespace
}  // namespace gep::test

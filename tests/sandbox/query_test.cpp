// Filters, sorts and paging: what a cursor-based sync relies on, and the instability that makes
// a naive one fail.
#include <algorithm>

#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class QueryTest : public SandboxFixture {
 protected:
  void SetUp() override { start(small_options(1500)); }

  std::vector<json> all(const std::string& kind) {
    return json::parse(sandbox->state().dump(*kind_from_path(kind), {}, false))["records"];
  }

  std::string range(int64_t gte, std::optional<int64_t> lte = std::nullopt) {
    json bounds = {{"gte", gte}};
    if (lte) bounds["lte"] = *lte;
    return filter_param({{"must", {{{"range", {{"date_updated", bounds}}}}}}});
  }
};

TEST_F(QueryTest, RangeOnDateUpdatedWithSortIsCompleteAndOrdered) {
  const auto records = all("jobs");
  std::vector<int64_t> dates;
  for (const auto& r : records) dates.push_back(r["date_updated"]);
  std::sort(dates.begin(), dates.end());
  const int64_t median = dates[dates.size() / 2];
  const auto expected =
      std::count_if(dates.begin(), dates.end(), [&](int64_t d) { return d >= median; });
  const json page =
      list("jobs", range(median) + "&sort_field=date_updated&sort_direction=asc&size=100");
  EXPECT_EQ(page["count"], expected);
  int64_t previous = 0;
  for (const auto& job : page["results"]) {
    EXPECT_GE(job["date_updated"].get<int64_t>(), median);
    EXPECT_GE(job["date_updated"].get<int64_t>(), previous);
    previous = job["date_updated"];
  }
  const json desc =
      list("jobs", range(median) + "&sort_field=date_updated&sort_direction=desc&size=5");
  EXPECT_EQ(desc["results"][0]["date_updated"], dates.back());
}

TEST_F(QueryTest, TermOnRelatedIdListsOneJobsFiles) {
  std::map<std::string, int> files_per_job;
  for (const auto& file : all("files")) ++files_per_job[file["primary"]["id"]];
  const auto busiest =
      std::max_element(files_per_job.begin(), files_per_job.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  const json filter = {{"must", {{{"term", {{"related.id", busiest->first}}}}}}};
  const json files = list("files", filter_param(filter));
  EXPECT_EQ(files["count"], busiest->second);
  for (const auto& file : files["files"]) EXPECT_EQ(file["related"][0]["id"], busiest->first);

  const json photos_only = {{"must",
                             {{{"term", {{"related.id", busiest->first}}}},
                              {{"term", {{"record_type_name", "Photo"}}}}}}};
  for (const auto& file : rows("files", filter_param(photos_only))) {
    EXPECT_EQ(file["record_type"], 2);
  }
  const json terms = {{"must", {{{"terms", {{"status_name", {"Lead", "Lost"}}}}}}}};
  for (const auto& job : rows("jobs", filter_param(terms))) {
    EXPECT_TRUE(job["status_name"] == "Lead" || job["status_name"] == "Lost");
  }
  const json none = {{"must_not", {{{"term", {{"status_name", "Lead"}}}}}}};
  for (const auto& job : rows("jobs", filter_param(none))) EXPECT_NE(job["status_name"], "Lead");
}

TEST_F(QueryTest, WithoutSortTheOrderChangesBetweenCalls) {
  std::set<std::vector<std::string>> orders;
  for (int i = 0; i < 6; ++i) {
    std::vector<std::string> ids;
    for (const auto& job : rows("jobs", "size=200")) ids.push_back(job["jnid"]);
    orders.insert(ids);
  }
  EXPECT_GT(orders.size(), 1u);
}

TEST_F(QueryTest, WithSortTheKeysAreDeterministicButTiesAreNot) {
  std::set<std::vector<int64_t>> keys;
  std::set<std::vector<std::string>> ids;
  for (int i = 0; i < 6; ++i) {
    std::vector<int64_t> k;
    std::vector<std::string> j;
    for (const auto& job : rows("jobs", "sort_field=date_updated&sort_direction=asc&size=1000")) {
      k.push_back(job["date_updated"]);
      j.push_back(job["jnid"]);
    }
    EXPECT_TRUE(std::is_sorted(k.begin(), k.end()));
    keys.insert(k);
    ids.insert(j);
  }
  EXPECT_EQ(keys.size(), 1u);
  EXPECT_GT(ids.size(), 1u);  // same keys, ties shuffled: a cursor must not trust tie order
  std::vector<std::string> by_jnid;
  for (const auto& job : rows("jobs", "sort_field=jnid&sort_direction=asc&size=1000")) {
    by_jnid.push_back(job["jnid"]);
  }
  EXPECT_TRUE(std::is_sorted(by_jnid.begin(), by_jnid.end()));
}

// The cursor a sync must use: pages by date_updated; a second that fills a whole page is read on
// its own, sorted by jnid. Every record exactly once, even with clusters bigger than a page.
TEST_F(QueryTest, ADateUpdatedJnidCursorSeesEveryRecordExactlyOnce) {
  std::multiset<std::string> seen;
  int64_t cursor = 0;
  constexpr int kPage = 50;
  int requests = 0;
  while (requests < 2000) {
    const json page =
        list("jobs", range(cursor) + "&sort_field=date_updated&sort_direction=asc&size=" +
                         std::to_string(kPage) + "&fields=jnid,date_updated");
    ++requests;
    const auto& results = page["results"];
    if (results.empty()) break;
    const int64_t last = results.back()["date_updated"];
    if (results.size() < static_cast<size_t>(kPage)) {
      for (const auto& r : results) seen.insert(r["jnid"].get<std::string>());
      break;
    }
    if (last > cursor) {
      for (const auto& r : results) {
        if (r["date_updated"].get<int64_t>() < last) seen.insert(r["jnid"].get<std::string>());
      }
      cursor = last;
      continue;
    }
    // The whole page is one second: read that second by jnid.
    std::string after;
    while (true) {
      json must = {{{"range", {{"date_updated", {{"gte", cursor}, {"lte", cursor}}}}}}};
      if (!after.empty()) must.push_back({{"range", {{"jnid", {{"gt", after}}}}}});
      const json tie = list("jobs", filter_param({{"must", must}}) +
                                        "&sort_field=jnid&sort_direction=asc&fields=jnid&size=" +
                                        std::to_string(kPage));
      ++requests;
      for (const auto& r : tie["results"]) seen.insert(r["jnid"].get<std::string>());
      if (tie["results"].size() < static_cast<size_t>(kPage)) break;
      after = tie["results"].back()["jnid"];
    }
    cursor += 1;
  }
  std::set<std::string> unique(seen.begin(), seen.end());
  EXPECT_EQ(unique.size(), seen.size()) << "a record was returned twice";
  EXPECT_EQ(unique.size(), 1500u);
  std::printf("[ figures  ] cursor over 1500 jobs in pages of %d: %d requests\n", kPage, requests);
}

TEST_F(QueryTest, GrowingFromWithoutSortLosesOrRepeatsRecords) {
  // What the real API does to a naive client, and the sandbox reproduces.
  std::multiset<std::string> seen;
  for (int from = 0; from < 1500; from += 100) {
    for (const auto& job : rows("jobs", "size=100&fields=jnid&from=" + std::to_string(from))) {
      seen.insert(job["jnid"].get<std::string>());
    }
  }
  const std::set<std::string> unique(seen.begin(), seen.end());
  EXPECT_LT(unique.size(), 1500u);
}

}  // namespace
}  // namespace gep::sandbox::testing

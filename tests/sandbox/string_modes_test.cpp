// What the sandbox does with the behaviours the facts file leaves open (a `range` on a string
// field, a sort by one) in each mode, and the crowded seconds a bulk edit leaves.
#include <algorithm>
#include <set>

#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class StringModesTest : public SandboxFixture {
 protected:
  void SetUp() override { start(small_options(300)); }

  void set_modes(const std::string& ranges, const std::string& sort) {
    const json body = {{"string_ranges", ranges}, {"string_sort", sort}};
    const auto response = client->Put("/sandbox/settings", body.dump(), "application/json");
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body;
    const json settings = json::parse(response->body);
    EXPECT_EQ(settings["string_ranges"], ranges);
    EXPECT_EQ(settings["string_sort"], sort);
  }

  std::string jnid_range(const std::string& after) {
    return filter_param({{"must", {{{"range", {{"jnid", {{"gt", after}}}}}}}}});
  }

  int status_of(const std::string& path) {
    const auto response = client->Get(path);
    return response ? response->status : -1;
  }

  std::vector<std::string> jnids_sorted_by_jnid() {
    std::vector<std::string> ids;
    for (const auto& job : rows("jobs", "size=1000&sort_field=jnid&sort_direction=asc")) {
      ids.push_back(job["jnid"]);
    }
    return ids;
  }
};

TEST_F(StringModesTest, HonourComparesTheTextAsElasticsearchKeywordsDo) {
  const auto sorted = jnids_sorted_by_jnid();
  ASSERT_EQ(sorted.size(), 300U);
  EXPECT_TRUE(std::is_sorted(sorted.begin(), sorted.end()));
  const std::string middle = sorted[150];
  const json page = list("jobs", jnid_range(middle) + "&size=1000");
  EXPECT_EQ(page["count"], 149);
  for (const auto& job : page["results"]) EXPECT_GT(job["jnid"].get<std::string>(), middle);
}

TEST_F(StringModesTest, IgnoreMatchesNothingAndSortsInArbitraryOrder) {
  const std::string middle = jnids_sorted_by_jnid()[150];
  set_modes("ignore", "ignore");
  EXPECT_EQ(list("jobs", jnid_range(middle))["count"], 0);
  // Numeric ranges are untouched.
  EXPECT_EQ(list("jobs", filter_param(
                             {{"must", {{{"range", {{"date_updated", {{"gte", 0}}}}}}}}}))["count"],
            300);
  const auto first = jnids_sorted_by_jnid();
  const auto second = jnids_sorted_by_jnid();
  EXPECT_EQ(first.size(), 300U);
  EXPECT_FALSE(std::is_sorted(first.begin(), first.end()));
  EXPECT_NE(first, second);  // a fresh order per request
  EXPECT_EQ(std::set(first.begin(), first.end()), std::set(second.begin(), second.end()));
}

TEST_F(StringModesTest, RejectAnswers400AndKeepsNumericQueriesWorking) {
  const std::string middle = jnids_sorted_by_jnid()[150];
  set_modes("reject", "reject");
  EXPECT_EQ(status_of("/api1/jobs?" + jnid_range(middle)), 400);
  EXPECT_EQ(status_of("/api1/jobs?sort_field=jnid&sort_direction=asc"), 400);
  EXPECT_EQ(status_of("/api1/jobs?sort_field=date_updated&sort_direction=asc"), 200);
  set_modes("honour", "honour");  // switched back at run time
  EXPECT_EQ(status_of("/api1/jobs?sort_field=jnid&sort_direction=asc"), 200);
}

TEST_F(StringModesTest, AnUnknownModeIsRefusedInOneLine) {
  const auto response =
      client->Put("/sandbox/settings", R"({"string_ranges":"maybe"})", "application/json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->body.find("honour, ignore or reject"), std::string::npos);
  EXPECT_FALSE(parse_string_behaviour("sometimes", "--string-sort").ok());
  EXPECT_EQ(*parse_string_behaviour("ignore", "--string-sort"), StringBehaviour::ignore);
}

class CrowdedSecondsTest : public SandboxFixture {};

TEST_F(CrowdedSecondsTest, EachSizeIsOneSecondOfJobsAndOfFiles) {
  SandboxOptions options = small_options(3000);
  options.crowded_seconds = {1500, 400};
  start(options);
  for (const std::string kind : {"jobs", "files"}) {
    std::map<int64_t, int64_t> per_second;
    const json records =
        json::parse(sandbox->state().dump(*kind_from_path(kind), {}, false))["records"];
    for (const auto& record : records) ++per_second[record["date_updated"].get<int64_t>()];
    std::vector<int64_t> sizes;
    for (const auto& [second, count] : per_second) sizes.push_back(count);
    std::sort(sizes.rbegin(), sizes.rend());
    ASSERT_GE(sizes.size(), 2U);
    EXPECT_GE(sizes[0], 1500) << kind;
    EXPECT_GE(sizes[1], 400) << kind;
    // The API agrees with the records: one second, counted by a range on it.
    const auto crowded = std::find_if(per_second.begin(), per_second.end(),
                                      [&](const auto& entry) { return entry.second == sizes[0]; });
    const json bounds = {{"gte", crowded->first}, {"lte", crowded->first}};
    const json page =
        list(kind, filter_param({{"must", {{{"range", {{"date_updated", bounds}}}}}}}) + "&size=1");
    EXPECT_EQ(page["count"], sizes[0]) << kind;
  }
}

}  // namespace
}  // namespace gep::sandbox::testing

// The sandbox's building blocks on their own: JSON text writing and member scanning, the ordered
// index, base64/md5, record indexing, query parsing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "sandbox/file_bytes.h"
#include "sandbox/json_members.h"
#include "sandbox/json_writer.h"
#include "sandbox/ordered_index.h"
#include "sandbox/query.h"
#include "sandbox/record.h"
#include "sandbox/rng.h"

namespace gep::sandbox {
namespace {

TEST(JsonWriter, EscapesWhatJsonRequiresAndRoundTrips) {
  const std::string hostile = "<script>\"x\"\\ \n\t\x01 Zoë Ångström ☀️";
  std::string out;
  JsonWriter w(out);
  w.begin_object()
      .field("name", hostile)
      .field("n", int64_t{-42})
      .field("big", uint64_t{18446744073709551615ULL})
      .field("pi", 3.25)
      .field("flag", true)
      .null_field("none")
      .key("list")
      .begin_array()
      .value(1)
      .value("two")
      .end_array()
      .end_object();
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["name"], hostile);
  EXPECT_EQ(parsed["n"], -42);
  EXPECT_EQ(parsed["pi"], 3.25);
  EXPECT_TRUE(parsed["none"].is_null());
  EXPECT_EQ(parsed["list"][1], "two");
}

TEST(JsonMembers, FindsTopLevelMembersOnly) {
  const std::string text =
      R"({"a":{"jnid":"inner","x":[1,{"y":"}"}]},"jnid":"outer","s":"q\"uote","Claim #":null})";
  EXPECT_EQ(*find_member(text, "jnid"), R"("outer")");
  EXPECT_EQ(*find_member(text, "s"), R"("q\"uote")");
  EXPECT_EQ(*find_member(text, escape_member_name("Claim #")), "null");
  EXPECT_FALSE(find_member(text, "y").has_value());
  EXPECT_EQ(json_string_value(*find_member(text, "s")).value(), "q\"uote");
}

TEST(OrderedIndex, MatchesASortedSetUnderRandomInsertsAndErases) {
  OrderedIndex index;
  std::set<std::pair<int64_t, uint64_t>> reference;
  Rng rng(3);
  uint64_t seq = 0;
  for (int round = 0; round < 20000; ++round) {
    if (reference.empty() || rng.chance(0.6)) {
      const int64_t key = rng.between(0, 500);
      index.insert({key, ++seq, nullptr});
      reference.insert({key, seq});
    } else {
      auto it = reference.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(rng.index(reference.size())));
      ASSERT_TRUE(index.erase(it->first, it->second));
      reference.erase(it);
    }
  }
  ASSERT_EQ(index.size(), reference.size());
  std::vector<std::pair<int64_t, uint64_t>> walked;
  index.for_range(0, index.size(), [&](const auto& e) { walked.emplace_back(e.key, e.seq); });
  EXPECT_TRUE(std::equal(walked.begin(), walked.end(), reference.begin()));
  for (const int64_t key : {-1, 0, 17, 250, 500, 501}) {
    const auto expected_lower =
        static_cast<size_t>(std::distance(reference.begin(), reference.lower_bound({key, 0})));
    const auto expected_upper = static_cast<size_t>(
        std::distance(reference.begin(), reference.upper_bound({key, UINT64_MAX})));
    EXPECT_EQ(index.lower_bound(key), expected_lower) << key;
    EXPECT_EQ(index.upper_bound(key), expected_upper) << key;
  }
  EXPECT_FALSE(index.erase(9999, 1));
}

TEST(FileBytes, Base64RoundTripAndRejectsGarbage) {
  const std::string bytes = placeholder_bytes(42, "image/jpeg");
  EXPECT_EQ(base64_decode(base64_encode(bytes)).value(), bytes);
  EXPECT_EQ(base64_decode("aGVsbG8=").value(), "hello");
  EXPECT_EQ(base64_decode("aGVsbG8").value(), "hello");  // padding optional
  EXPECT_EQ(base64_decode("data:text/plain;base64,aGk=").value(), "hi");
  EXPECT_FALSE(base64_decode("not base64!").has_value());
  EXPECT_EQ(md5_hex("hello"), "5d41402abc4b2a76b9719d911017c592");
  EXPECT_EQ(placeholder_bytes(42, "image/jpeg"), bytes);  // deterministic
  EXPECT_EQ(bytes.substr(0, 3), "\xff\xd8\xff");
  EXPECT_EQ(content_type_for("IMG_1.JPG"), "image/jpeg");
  EXPECT_EQ(content_type_for("Permit.pdf"), "application/pdf");
}

TEST(Record, IndexesTheFieldsListsFilterOn) {
  const auto record =
      index_record_text(R"({"jnid":"abc","date_created":10,"date_updated":20,"record_type":2,)"
                        R"("primary":{"id":"job1","type":"job"},"related":[{"id":"job1"},"c2"]})");
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->jnid, "abc");
  EXPECT_EQ(record->date_created, 10);
  EXPECT_EQ(record->date_updated, 20);
  EXPECT_EQ(record->record_type, 2);
  EXPECT_EQ(record->primary_id, "job1");
  EXPECT_EQ(record->related_ids, (std::vector<std::string>{"job1", "c2"}));
  EXPECT_FALSE(index_record_text(R"({"name":"no id"})").ok());
  EXPECT_FALSE(index_record_text("[1,2]").ok());
}

TEST(Query, ParsesParametersAndRefusesTheDeepWindow) {
  const auto params = [](std::map<std::string, std::string> values) {
    return [values](std::string_view name) -> std::optional<std::string> {
      const auto it = values.find(std::string(name));
      return it == values.end() ? std::nullopt : std::optional(it->second);
    };
  };
  const auto defaults = parse_list_query(params({}));
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->size, 1000);
  EXPECT_EQ(defaults->from, 0);
  EXPECT_FALSE(defaults->explicit_sort);
  EXPECT_FALSE(defaults->ascending);

  const auto clamped = parse_list_query(params({{"size", "5000"}}));
  EXPECT_EQ(clamped->size, 1000);

  const auto window = parse_list_query(params({{"from", "9500"}, {"size", "501"}}));
  ASSERT_FALSE(window.ok());
  EXPECT_EQ(window.error().code, "window");
  EXPECT_TRUE(parse_list_query(params({{"from", "9000"}, {"size", "1000"}})).ok());

  EXPECT_FALSE(parse_list_query(params({{"size", "-1"}})).ok());
  EXPECT_FALSE(parse_list_query(params({{"sort_direction", "up"}})).ok());
  EXPECT_FALSE(parse_list_query(params({{"filter", "{not json"}})).ok());
  EXPECT_FALSE(parse_list_query(params({{"filter", R"({"must":[{"fuzzy":{"a":1}}]})"}})).ok());

  const auto fields = parse_list_query(params({{"fields", "jnid, date_updated,,status_name"}}));
  EXPECT_EQ(fields->fields, (std::vector<std::string>{"jnid", "date_updated", "status_name"}));
}

TEST(Query, EvaluatesBoolTermsRangesOnDottedFields) {
  const auto record = index_record_text(
      R"({"jnid":"j1","date_updated":100,"status_name":"Sold","record_type_name":"Photo",)"
      R"("related":[{"id":"a"},{"id":"b"}],"geo":{"lat":1.5},"tags":["HOA","Solar"]})");
  ASSERT_TRUE(record.ok());
  const auto check = [&](const char* filter) {
    const auto parsed = parse_filter(filter);
    EXPECT_TRUE(parsed.ok()) << filter;
    return parsed.ok() && matches(*parsed, *record);
  };
  EXPECT_TRUE(check(R"({"must":[{"term":{"related.id":"b"}}]})"));
  EXPECT_FALSE(check(R"({"must":[{"term":{"related.id":"c"}}]})"));
  EXPECT_TRUE(check(R"({"must":[{"terms":{"status_name":["Lead","Sold"]}}]})"));
  EXPECT_TRUE(check(R"({"must":[{"range":{"date_updated":{"gte":100,"lt":101}}}]})"));
  EXPECT_FALSE(check(R"({"must":[{"range":{"date_updated":{"gt":100}}}]})"));
  EXPECT_TRUE(check(R"({"must":[{"range":{"geo.lat":{"gt":1}}}]})"));
  EXPECT_TRUE(check(R"({"must":[{"term":{"tags":"HOA"}}]})"));
  EXPECT_TRUE(check(R"({"must_not":[{"term":{"status_name":"Lost"}}]})"));
  EXPECT_TRUE(check(R"({"should":[{"term":{"status_name":"Lost"}},{"term":{"jnid":"j1"}}]})"));
  EXPECT_FALSE(check(R"({"should":[{"term":{"status_name":"Lost"}}]})"));
  EXPECT_TRUE(check(R"({"bool":{"must":[{"exists":{"field":"geo.lat"}}]}})"));
  EXPECT_TRUE(check(R"({"term":{"record_type_name":"Photo"}})"));
  EXPECT_TRUE(check(R"({"must":[{"term":{"date_updated":"100"}}]})"));  // coerced like ES
}

}  // namespace
}  // namespace gep::sandbox

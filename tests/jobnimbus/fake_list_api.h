#pragma once
// A test stand-in for one JobNimbus list endpoint with the behaviour the cursor stream must cope
// with: size <= 1000, from + size <= 10,000 (else 400), range filters on date_updated and
// `jnid > x` (bytewise, as Elasticsearch keywords), sort by date_updated or jnid, and
// (optionally) an order of equal-second records that changes on every call.
// Written with nlohmann-json so it shares no parsing code with the client.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "jobnimbus/scripted_server.h"

namespace gep::testing {

struct FakeRecord {
  std::string jnid;
  int64_t date_updated = 0;
  std::string json;  // the full record
};

// `count` jobs whose date_updated values come from `seconds(i)`.
std::vector<FakeRecord> make_jobs(size_t count, const std::function<int64_t(size_t)>& seconds);

// What the endpoint does with a `range` on a string field and with a sort by jnid: nothing
// promises either (see jobnimbus-api-facts.md). ignore: the range matches nothing, the sort
// is not applied; reject: 400.
enum class StringBehaviour { honour, ignore, reject };

class FakeListApi {
 public:
  // shuffle_ties: equal date_updated seconds come back in a new order on every call;
  // honour_jnid_sort: sort_field=jnid gives a stable jnid order (as Elasticsearch would).
  FakeListApi(std::vector<FakeRecord> records, std::string wrapper = "results",
              bool shuffle_ties = false, bool honour_jnid_sort = true);
  ScriptedReply handle(const RecordedRequest& request);
  int requests() const { return requests_; }
  void set_string_ranges(StringBehaviour behaviour) { string_ranges_ = behaviour; }
  void set_jnid_sort(StringBehaviour behaviour) { jnid_sort_ = behaviour; }

 private:
  std::vector<FakeRecord> records_;  // sorted by date_updated, stable
  std::string wrapper_;
  bool shuffle_ties_;
  bool honour_jnid_sort_;
  std::mt19937 random_{12345};
  int requests_ = 0;
  StringBehaviour string_ranges_ = StringBehaviour::honour;
  StringBehaviour jnid_sort_ = StringBehaviour::honour;
};

}  // namespace gep::testing

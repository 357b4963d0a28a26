#include "jobnimbus/fake_list_api.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

namespace gep::testing {

std::vector<FakeRecord> make_jobs(size_t count, const std::function<int64_t(size_t)>& seconds) {
  std::vector<FakeRecord> records;
  records.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    nlohmann::json job;
    job["jnid"] = "job" + std::to_string(i);
    job["number"] = std::to_string(1000 + i);
    job["name"] = "Ünïcødé roof ☀ #" + std::to_string(i);
    job["status_name"] = "Lead";
    job["date_created"] = 1'600'000'000;
    job["date_updated"] = seconds(i);
    job["Claim #"] = "C-" + std::to_string(i);
    records.push_back({job["jnid"].get<std::string>(), seconds(i), job.dump()});
  }
  return records;
}

FakeListApi::FakeListApi(std::vector<FakeRecord> records, std::string wrapper, bool shuffle_ties,
                         bool honour_jnid_sort)
    : records_(std::move(records)),
      wrapper_(std::move(wrapper)),
      shuffle_ties_(shuffle_ties),
      honour_jnid_sort_(honour_jnid_sort) {
  std::stable_sort(records_.begin(), records_.end(), [](const FakeRecord& a, const FakeRecord& b) {
    return a.date_updated < b.date_updated;
  });
}

ScriptedReply FakeListApi::handle(const RecordedRequest& request) {
  const auto param = [&](const std::string& name, const std::string& fallback) {
    const auto found = request.query.find(name);
    return found == request.query.end() ? fallback : found->second;
  };
  const int size = std::stoi(param("size", "1000"));
  const int from = std::stoi(param("from", "0"));
  if (size > 1000 || from + size > 10'000) {
    return ScriptedReply::http(400, R"({"message":"Result window is too large"})");
  }
  int64_t gte = INT64_MIN;
  int64_t lte = INT64_MAX;
  std::optional<std::string> jnid_gt;
  const auto filter = nlohmann::json::parse(param("filter", "{}"));
  for (const auto& clause : filter.value("must", nlohmann::json::array())) {
    if (!clause.contains("range")) continue;
    if (clause["range"].contains("jnid")) {
      if (string_ranges_ == StringBehaviour::reject) {
        return ScriptedReply::http(400, R"({"message":"range on a text field"})");
      }
      jnid_gt = clause["range"]["jnid"].at("gt").get<std::string>();
      // ignore: a text field's range matches no record
      if (string_ranges_ == StringBehaviour::ignore) jnid_gt = "\xff\xff";
      continue;
    }
    const auto& bounds = clause["range"]["date_updated"];
    if (bounds.contains("gte")) gte = bounds["gte"].get<int64_t>();
    if (bounds.contains("lte")) lte = bounds["lte"].get<int64_t>();
  }
  ++requests_;
  std::vector<const FakeRecord*> matching;
  for (const auto& record : records_) {
    if (record.date_updated < gte || record.date_updated > lte) continue;
    if (jnid_gt && record.jnid <= *jnid_gt) continue;
    matching.push_back(&record);
  }
  const std::string sort_field = param("sort_field", "");
  if (sort_field == "jnid" && jnid_sort_ == StringBehaviour::reject) {
    return ScriptedReply::http(400, R"({"message":"cannot sort on a text field"})");
  }
  const bool jnid_sort_applies = honour_jnid_sort_ && jnid_sort_ == StringBehaviour::honour;
  if (sort_field == "jnid" && jnid_sort_applies) {
    std::sort(matching.begin(), matching.end(),
              [](const FakeRecord* a, const FakeRecord* b) { return a->jnid < b->jnid; });
  } else if (sort_field == "jnid" && jnid_sort_ == StringBehaviour::ignore) {
    std::shuffle(matching.begin(), matching.end(), random_);  // arbitrary, new on every call
  } else if (sort_field == "date_created" && param("sort_direction", "asc") == "desc") {
    // make_jobs gives every record the same date_created: a descending sort keeps the ties in
    // the stored order, as Elasticsearch breaks ties by document, whatever the direction.
    if (shuffle_ties_) std::shuffle(matching.begin(), matching.end(), random_);
  } else if (shuffle_ties_) {
    // Equal seconds come back in a different order on every call, as the real API may do.
    auto begin = matching.begin();
    while (begin != matching.end()) {
      auto end = std::find_if(begin, matching.end(), [&](const FakeRecord* r) {
        return r->date_updated != (*begin)->date_updated;
      });
      std::shuffle(begin, end, random_);
      begin = end;
    }
  }
  std::string body = "{\"count\":" + std::to_string(matching.size()) + ",\"" + wrapper_ + "\":[";
  const auto first = static_cast<size_t>(from);
  for (size_t i = first; i < matching.size() && i < first + static_cast<size_t>(size); ++i) {
    if (i > first) body += ',';
    body += matching[i]->json;
  }
  body += "]}";
  return ScriptedReply::json(std::move(body));
}

}  // namespace gep::testing

#include "sandbox/crowded_seconds.h"

#include <string>

#include "sandbox/json_members.h"
#include "sandbox/rng.h"

namespace gep::sandbox {
namespace {

constexpr int64_t kFirstCrowdedBeforeAnchor = 1800;
constexpr int64_t kSecondsBetweenCrowds = 60;

void stamp_date_updated(Record& record, int64_t second) {
  record.date_updated = second;
  const auto value = find_member(record.json, "date_updated");
  if (!value) return;
  const auto position = static_cast<size_t>(value->data() - record.json.data());
  record.json.replace(position, value->size(), std::to_string(second));
}

void crowd_kind(std::vector<Record>& records, const std::vector<int64_t>& sizes, int64_t anchor,
                Rng& rng) {
  std::vector<bool> moved(records.size(), false);
  for (size_t crowd = 0; crowd < sizes.size(); ++crowd) {
    const int64_t second =
        anchor - kFirstCrowdedBeforeAnchor - static_cast<int64_t>(crowd) * kSecondsBetweenCrowds;
    std::vector<size_t> eligible;
    for (size_t i = 0; i < records.size(); ++i) {
      if (!moved[i] && records[i].date_updated <= second) eligible.push_back(i);
    }
    const size_t wanted = std::min(eligible.size(), static_cast<size_t>(sizes[crowd]));
    for (size_t i = 0; i < wanted; ++i) {  // a partial Fisher-Yates shuffle picks `wanted`
      std::swap(eligible[i], eligible[i + rng.index(eligible.size() - i)]);
      moved[eligible[i]] = true;
      stamp_date_updated(records[eligible[i]], second);
    }
  }
}

}  // namespace

void crowd_seconds(Account& account, const std::vector<int64_t>& sizes, int64_t anchor,
                   uint64_t seed) {
  if (sizes.empty()) return;
  Rng rng(seed ^ 0xc40dedULL);
  crowd_kind(account.records[kind_index(Kind::job)], sizes, anchor, rng);
  crowd_kind(account.records[kind_index(Kind::file)], sizes, anchor, rng);
}

}  // namespace gep::sandbox

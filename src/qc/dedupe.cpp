#include "qc/dedupe.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace gep::qc {

int mark_duplicates(std::span<const QcPhoto> photos, std::span<PhotoVerdict> verdicts) {
  if (photos.size() < 2) return 0;
  std::vector<uint32_t> order;
  order.reserve(photos.size());
  for (size_t i = 0; i < photos.size(); ++i) {
    if (!photos[i].md5.empty()) order.push_back(static_cast<uint32_t>(i));
  }
  // Stable by index inside a group, so "first in input order" is the first of the group.
  std::sort(order.begin(), order.end(), [&photos](uint32_t left, uint32_t right) {
    const int compared = photos[left].md5.compare(photos[right].md5);
    return compared != 0 ? compared < 0 : left < right;
  });

  int marked = 0;
  size_t group_begin = 0;
  while (group_begin < order.size()) {
    size_t group_end = group_begin + 1;
    const std::string& md5 = photos[order[group_begin]].md5;
    while (group_end < order.size() && photos[order[group_end]].md5 == md5) ++group_end;
    if (group_end - group_begin > 1) {
      size_t kept = order[group_begin];
      for (size_t k = group_begin; k < group_end; ++k) {
        if (verdicts[order[k]].classification.category != PhotoCategory::uncategorized) {
          kept = order[k];
          break;
        }
      }
      for (size_t k = group_begin; k < group_end; ++k) {
        if (order[k] == kept) continue;
        verdicts[order[k]].duplicate_of = kept;
        ++marked;
      }
    }
    group_begin = group_end;
  }
  return marked;
}

}  // namespace gep::qc

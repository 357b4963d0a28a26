#include "sandbox/ordered_index.h"

#include <algorithm>
#include <cassert>

namespace gep::sandbox {
namespace {

bool before(const OrderedIndex::Entry& a, int64_t key, uint64_t seq) {
  return a.key < key || (a.key == key && a.seq < seq);
}

}  // namespace

size_t OrderedIndex::chunk_for(int64_t key, uint64_t seq) const {
  // The first chunk whose last entry is not before (key, seq); the last chunk if none.
  const auto it = std::partition_point(chunks_.begin(), chunks_.end(), [&](const auto& chunk) {
    return before(chunk.back(), key, seq);
  });
  if (it == chunks_.end()) return chunks_.size() - 1;
  return static_cast<size_t>(it - chunks_.begin());
}

size_t OrderedIndex::rank_of_chunk(size_t chunk) const {
  size_t rank = 0;
  for (size_t i = 0; i < chunk; ++i) rank += chunks_[i].size();
  return rank;
}

void OrderedIndex::insert(Entry entry) {
  ++size_;
  if (chunks_.empty()) {
    chunks_.push_back({entry});
    return;
  }
  const size_t chunk = chunk_for(entry.key, entry.seq);
  auto& entries = chunks_[chunk];
  const auto at = std::partition_point(entries.begin(), entries.end(), [&](const Entry& e) {
    return before(e, entry.key, entry.seq);
  });
  entries.insert(at, entry);
  if (entries.size() > 2 * kChunk) {
    std::vector<Entry> upper(entries.begin() + static_cast<std::ptrdiff_t>(kChunk), entries.end());
    entries.resize(kChunk);
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(chunk) + 1, std::move(upper));
  }
}

bool OrderedIndex::erase(int64_t key, uint64_t seq) {
  if (chunks_.empty()) return false;
  const size_t chunk = chunk_for(key, seq);
  auto& entries = chunks_[chunk];
  const auto at = std::partition_point(entries.begin(), entries.end(),
                                       [&](const Entry& e) { return before(e, key, seq); });
  if (at == entries.end() || at->key != key || at->seq != seq) return false;
  entries.erase(at);
  --size_;
  if (entries.empty()) chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(chunk));
  return true;
}

void OrderedIndex::clear() {
  chunks_.clear();
  size_ = 0;
}

void OrderedIndex::assign(std::vector<Entry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return before(a, b.key, b.seq); });
  clear();
  size_ = entries.size();
  for (size_t start = 0; start < entries.size(); start += kChunk) {
    const size_t end = std::min(entries.size(), start + kChunk);
    chunks_.emplace_back(entries.begin() + static_cast<std::ptrdiff_t>(start),
                         entries.begin() + static_cast<std::ptrdiff_t>(end));
  }
}

size_t OrderedIndex::lower_bound(int64_t key) const {
  if (chunks_.empty()) return 0;
  const auto it = std::partition_point(chunks_.begin(), chunks_.end(),
                                       [&](const auto& chunk) { return chunk.back().key < key; });
  if (it == chunks_.end()) return size_;
  const auto chunk = static_cast<size_t>(it - chunks_.begin());
  const auto inner =
      std::partition_point(it->begin(), it->end(), [&](const Entry& e) { return e.key < key; });
  return rank_of_chunk(chunk) + static_cast<size_t>(inner - it->begin());
}

size_t OrderedIndex::upper_bound(int64_t key) const {
  if (chunks_.empty()) return 0;
  const auto it = std::partition_point(chunks_.begin(), chunks_.end(),
                                       [&](const auto& chunk) { return chunk.back().key <= key; });
  if (it == chunks_.end()) return size_;
  const auto chunk = static_cast<size_t>(it - chunks_.begin());
  const auto inner =
      std::partition_point(it->begin(), it->end(), [&](const Entry& e) { return e.key <= key; });
  return rank_of_chunk(chunk) + static_cast<size_t>(inner - it->begin());
}

const OrderedIndex::Entry& OrderedIndex::at(size_t rank) const {
  assert(rank < size_);
  for (const auto& chunk : chunks_) {
    if (rank < chunk.size()) return chunk[rank];
    rank -= chunk.size();
  }
  return chunks_.back().back();
}

}  // namespace gep::sandbox

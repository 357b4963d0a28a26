#pragma once
// Records ordered by one date (date_updated or date_created), with O(log n) insert and erase and
// cheap rank arithmetic: the cursor query of a sync (`date_updated >= T`, sorted) costs a binary
// search and a slice, and `count` is a subtraction, even with 700,000 files. A chunked sorted
// vector rather than a tree: contiguous scans, and ranks come from summing ~n/512 chunk sizes.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gep::sandbox {

struct Record;

class OrderedIndex {
 public:
  struct Entry {
    int64_t key = 0;
    uint64_t seq = 0;  // tie-break, so that an entry can be found again for erase
    const Record* record = nullptr;
  };

  void insert(Entry entry);
  bool erase(int64_t key, uint64_t seq);
  void clear();
  // Replaces the content with `entries` (any order); faster than inserting one by one.
  void assign(std::vector<Entry> entries);

  size_t size() const { return size_; }
  // Rank of the first entry whose key is >= key (lower) or > key (upper).
  size_t lower_bound(int64_t key) const;
  size_t upper_bound(int64_t key) const;
  const Entry& at(size_t rank) const;

  // Calls visit(entry) for ranks [from, to) in order.
  template <class Visit>
  void for_range(size_t from, size_t to, Visit&& visit) const {
    if (from >= to) return;
    size_t chunk = 0;
    size_t offset = from;
    while (chunk < chunks_.size() && offset >= chunks_[chunk].size()) {
      offset -= chunks_[chunk].size();
      ++chunk;
    }
    size_t remaining = to - from;
    for (; chunk < chunks_.size() && remaining > 0; ++chunk, offset = 0) {
      const auto& entries = chunks_[chunk];
      for (size_t i = offset; i < entries.size() && remaining > 0; ++i, --remaining) {
        visit(entries[i]);
      }
    }
  }

 private:
  static constexpr size_t kChunk = 512;
  size_t chunk_for(int64_t key, uint64_t seq) const;
  size_t rank_of_chunk(size_t chunk) const;

  std::vector<std::vector<Entry>> chunks_;
  size_t size_ = 0;
};

}  // namespace gep::sandbox

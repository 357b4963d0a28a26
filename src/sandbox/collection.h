#pragma once
// All records of one kind: by jnid, ordered by date_updated and by date_created, and by the ids
// they relate to (a job's files, notes and tasks). Deleted records move aside (the API no longer
// shows them; the control API can list or restore them). Not thread-safe: SandboxState locks.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sandbox/ordered_index.h"
#include "sandbox/record.h"

namespace gep::sandbox {

class Collection {
 public:
  explicit Collection(Kind kind) : kind_(kind) {}

  Kind kind() const { return kind_; }
  size_t size() const { return active_.size(); }
  size_t deleted_size() const { return deleted_.size(); }

  const Record* find(std::string_view jnid) const;
  const Record* find_deleted(std::string_view jnid) const;
  bool contains_any(std::string_view jnid) const { return find(jnid) || find_deleted(jnid); }

  // Adds an active record (its jnid must be new) or replaces the active record of that jnid.
  const Record& put(Record record);
  // Moves an active record aside; false if there is none.
  bool remove(std::string_view jnid);
  // Brings a deleted record back, replaced by `record`; false if none was deleted.
  bool restore(Record record);

  // Bulk load after generation: adds records without per-record index maintenance.
  void load(std::vector<Record> records);
  // Restores deleted records (from a saved state).
  void load_deleted(std::vector<Record> records);
  void clear();

  const OrderedIndex& by_updated() const { return by_updated_; }
  const OrderedIndex& by_created() const { return by_created_; }
  // Records whose primary or related ids include `id`, in no particular order.
  const std::vector<const Record*>* related_to(std::string_view id) const;

  template <class Visit>
  void for_each(Visit&& visit) const {
    by_created_.for_range(0, by_created_.size(), [&](const auto& entry) { visit(*entry.record); });
  }
  template <class Visit>
  void for_each_deleted(Visit&& visit) const {
    for (const auto& [jnid, record] : deleted_) visit(*record);
  }

 private:
  void index(const Record& record);
  void unindex(const Record& record);
  void link(const Record& record);

  Kind kind_;
  uint64_t next_seq_ = 1;
  // Ids are random alphanumerics: a cheap hash of their bytes spreads them as well as a strong
  // one, and hashing 1.6 million ids at start-up is a visible part of generation time.
  // Transparent, so string_view lookups build no key string (C++20 heterogeneous lookup).
  struct IdHash {
    using is_transparent = void;
    size_t operator()(std::string_view id) const;
  };
  // Keys view the jnid inside the owned record, which lives as long as its map entry.
  std::unordered_map<std::string_view, std::unique_ptr<Record>, IdHash> active_;
  std::unordered_map<std::string_view, std::unique_ptr<Record>, IdHash> deleted_;
  OrderedIndex by_updated_;
  OrderedIndex by_created_;
  std::unordered_map<std::string, std::vector<const Record*>, IdHash, std::equal_to<>> related_;
};

}  // namespace gep::sandbox

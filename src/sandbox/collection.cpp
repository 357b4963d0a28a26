#include "sandbox/collection.h"

#include <algorithm>
#include <cstring>

namespace gep::sandbox {
namespace {

template <class Map>
const Record* lookup(const Map& map, std::string_view jnid) {
  const auto it = map.find(jnid);
  return it == map.end() ? nullptr : it->second.get();
}

// Calls visit(id) for each id a record is listed under: primary first, then related, no repeats.
template <class Visit>
void for_each_link(const Record& record, Visit&& visit) {
  if (!record.primary_id.empty()) visit(std::string_view(record.primary_id));
  for (size_t i = 0; i < record.related_ids.size(); ++i) {
    const std::string& id = record.related_ids[i];
    if (id.empty() || id == record.primary_id) continue;
    bool repeated = false;
    for (size_t j = 0; j < i && !repeated; ++j) repeated = record.related_ids[j] == id;
    if (!repeated) visit(std::string_view(id));
  }
}

}  // namespace

size_t Collection::IdHash::operator()(std::string_view id) const {
  uint64_t hash = 0xcbf29ce484222325ULL ^ id.size();
  size_t i = 0;
  for (; i + 8 <= id.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, id.data() + i, 8);
    hash = (hash ^ word) * 0x9e3779b97f4a7c15ULL;
    hash ^= hash >> 29;
  }
  for (; i < id.size(); ++i) hash = (hash ^ static_cast<unsigned char>(id[i])) * 0x100000001b3ULL;
  return static_cast<size_t>(hash ^ (hash >> 32));
}

const Record* Collection::find(std::string_view jnid) const {
  return lookup(active_, jnid);
}

const Record* Collection::find_deleted(std::string_view jnid) const {
  return lookup(deleted_, jnid);
}

void Collection::link(const Record& record) {
  for_each_link(record, [&](std::string_view id) {
    auto it = related_.find(id);
    if (it == related_.end())
      it = related_.emplace(std::string(id), std::vector<const Record*>{}).first;
    it->second.push_back(&record);
  });
}

void Collection::index(const Record& record) {
  by_updated_.insert({record.date_updated, record.seq, &record});
  by_created_.insert({record.date_created, record.seq, &record});
  link(record);
}

void Collection::unindex(const Record& record) {
  by_updated_.erase(record.date_updated, record.seq);
  by_created_.erase(record.date_created, record.seq);
  for_each_link(record, [&](std::string_view id) {
    const auto it = related_.find(id);
    if (it == related_.end()) return;
    auto& list = it->second;
    list.erase(std::remove(list.begin(), list.end(), &record), list.end());
    if (list.empty()) related_.erase(it);
  });
}

const Record& Collection::put(Record record) {
  auto owned = std::make_unique<Record>(std::move(record));
  const auto existing = active_.find(owned->jnid);
  if (existing != active_.end()) {
    unindex(*existing->second);
    owned->seq = existing->second->seq;
    active_.erase(existing);
  } else {
    owned->seq = next_seq_++;
  }
  const Record& stored = *owned;
  active_.emplace(stored.jnid, std::move(owned));
  index(stored);
  return stored;
}

bool Collection::remove(std::string_view jnid) {
  const auto it = active_.find(jnid);
  if (it == active_.end()) return false;
  unindex(*it->second);
  auto owned = std::move(it->second);
  active_.erase(it);
  const std::string_view key = owned->jnid;
  deleted_.insert_or_assign(key, std::move(owned));
  return true;
}

bool Collection::restore(Record record) {
  const auto it = deleted_.find(record.jnid);
  if (it == deleted_.end()) return false;
  deleted_.erase(it);
  put(std::move(record));
  return true;
}

void Collection::load(std::vector<Record> records) {
  std::vector<OrderedIndex::Entry> updated;
  std::vector<OrderedIndex::Entry> created;
  updated.reserve(by_updated_.size() + records.size());
  created.reserve(by_created_.size() + records.size());
  by_updated_.for_range(0, by_updated_.size(), [&](const auto& e) { updated.push_back(e); });
  by_created_.for_range(0, by_created_.size(), [&](const auto& e) { created.push_back(e); });
  active_.reserve(active_.size() + records.size());
  for (auto& record : records) {
    auto owned = std::make_unique<Record>(std::move(record));
    const auto [slot, inserted] = active_.try_emplace(owned->jnid, nullptr);
    if (!inserted) continue;  // a repeated jnid: the first one wins
    owned->seq = next_seq_++;
    const Record& stored = *owned;
    slot->second = std::move(owned);
    updated.push_back({stored.date_updated, stored.seq, &stored});
    created.push_back({stored.date_created, stored.seq, &stored});
    link(stored);
  }
  by_updated_.assign(std::move(updated));
  by_created_.assign(std::move(created));
}

void Collection::load_deleted(std::vector<Record> records) {
  for (auto& record : records) {
    if (active_.count(record.jnid) != 0 || deleted_.count(record.jnid) != 0) continue;
    auto owned = std::make_unique<Record>(std::move(record));
    owned->seq = next_seq_++;
    const std::string_view key = owned->jnid;
    deleted_.emplace(key, std::move(owned));
  }
}

void Collection::clear() {
  by_updated_.clear();
  by_created_.clear();
  related_.clear();
  active_.clear();
  deleted_.clear();
}

const std::vector<const Record*>* Collection::related_to(std::string_view id) const {
  const auto it = related_.find(id);
  return it == related_.end() ? nullptr : &it->second;
}

}  // namespace gep::sandbox

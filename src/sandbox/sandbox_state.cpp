#include "sandbox/sandbox_state.h"

#include <algorithm>
#include <mutex>

#include "sandbox/file_bytes.h"
#include "sandbox/json_members.h"
#include "sandbox/query_executor.h"
#include "sandbox/seeded_files.h"

namespace gep::sandbox {

nlohmann::json to_json(const WriteLogEntry& entry) {
  nlohmann::json request = nlohmann::json::parse(entry.request, nullptr, false);
  if (request.is_discarded()) request = entry.request;
  return {{"seq", entry.seq},
          {"at", entry.at},
          {"endpoint", entry.endpoint},
          {"jnid", entry.jnid},
          {"request", std::move(request)},
          {"fault", entry.fault}};
}

SandboxState::SandboxState(Clock& clock, uint64_t seed)
    : clock_(clock), rng_(seed ^ 0x5eed5a4db0c5ULL) {
  for (const Kind kind : kAllKinds) collections_.emplace_back(kind);
}

void SandboxState::generate(const GenerationSpec& spec) {
  Account account = generate_account(spec);
  const std::unique_lock lock(mutex_);
  for (const Kind kind : kAllKinds) {
    auto& target = collection(kind);
    target.clear();
    target.load(std::move(account.records[kind_index(kind)]));
  }
  blobs_.clear();
  write_log_.clear();
  next_job_recid_ = account.next_job_recid;
  next_contact_recid_ = account.next_contact_recid;
}

Result<std::string> SandboxState::list_page(Kind kind, const ListQuery& query,
                                            uint64_t shuffle_seed, StringPolicy policy) const {
  std::string out;
  const std::shared_lock lock(mutex_);
  const auto page = run_query(collection(kind), query, shuffle_seed, policy);
  if (!page) return fail(page.error());
  write_page(out, kind, *page, query.fields);
  return out;
}

std::optional<std::string> SandboxState::get(Kind kind, std::string_view jnid) const {
  const std::shared_lock lock(mutex_);
  const Record* record = collection(kind).find(jnid);
  if (record == nullptr) return std::nullopt;
  return record->json;
}

std::optional<SandboxState::FileContent> SandboxState::file_content(std::string_view jnid) const {
  const std::shared_lock lock(mutex_);
  const Record* record = collection(Kind::file).find(jnid);
  if (record == nullptr) return std::nullopt;
  FileContent content;
  const auto type = find_member(record->json, "content_type");
  content.content_type = type ? json_string_value(*type).value_or("application/octet-stream")
                              : "application/octet-stream";
  const auto name = find_member(record->json, "filename");
  content.filename = name ? json_string_value(*name).value_or("file") : "file";
  if (record->content_seed != 0) {
    content.bytes = seeded_bytes(record->content_seed, content.content_type);
  } else if (const auto blob = blobs_.find(record->jnid); blob != blobs_.end()) {
    content.bytes = blob->second;
  }
  return content;
}

void SandboxState::log_write_locked(std::string endpoint, std::string jnid, std::string request,
                                    std::string_view fault) {
  write_log_.push_back({next_write_seq_++, now(), std::move(endpoint), std::move(jnid),
                        std::move(request), std::string(fault)});
}

std::vector<WriteLogEntry> SandboxState::writes(uint64_t after_seq) const {
  const std::shared_lock lock(mutex_);
  std::vector<WriteLogEntry> out;
  for (const auto& entry : write_log_) {
    if (entry.seq > after_seq) out.push_back(entry);
  }
  return out;
}

size_t SandboxState::write_count(std::string_view endpoint) const {
  const std::shared_lock lock(mutex_);
  return static_cast<size_t>(std::count_if(write_log_.begin(), write_log_.end(),
                                           [&](const auto& e) { return e.endpoint == endpoint; }));
}

void SandboxState::clear_writes() {
  const std::unique_lock lock(mutex_);
  write_log_.clear();
}

size_t SandboxState::count(Kind kind) const {
  const std::shared_lock lock(mutex_);
  return collection(kind).size();
}

size_t SandboxState::deleted_count(Kind kind) const {
  const std::shared_lock lock(mutex_);
  return collection(kind).deleted_size();
}

nlohmann::json SandboxState::counts() const {
  const std::shared_lock lock(mutex_);
  nlohmann::json out = nlohmann::json::object();
  for (const Kind kind : kAllKinds) {
    out[std::string(kind_path(kind))] = {{"active", collection(kind).size()},
                                         {"deleted", collection(kind).deleted_size()}};
  }
  size_t photos = 0;
  collection(Kind::file).for_each([&](const Record& r) { photos += r.record_type == 2 ? 1 : 0; });
  out["photos"] = photos;
  out["documents"] = collection(Kind::file).size() - photos;
  out["writes"] = write_log_.size();
  return out;
}

std::string SandboxState::dump(Kind kind, const std::vector<std::string>& fields,
                               bool include_deleted) const {
  const std::shared_lock lock(mutex_);
  const Collection& records = collection(kind);
  std::string out = "{\"count\":" + std::to_string(records.size()) + ",\"records\":[";
  bool first = true;
  records.for_each([&](const Record& record) {
    if (!first) out.push_back(',');
    first = false;
    write_projected(out, record, fields);
  });
  out.push_back(']');
  if (include_deleted) {
    out.append(",\"deleted\":[");
    first = true;
    records.for_each_deleted([&](const Record& record) {
      if (!first) out.push_back(',');
      first = false;
      write_projected(out, record, fields);
    });
    out.push_back(']');
  }
  out.push_back('}');
  return out;
}

std::string SandboxState::ids(Kind kind) const {
  std::vector<std::string> active;
  std::vector<std::string> deleted;
  {
    const std::shared_lock lock(mutex_);
    collection(kind).for_each([&](const Record& r) { active.push_back(r.jnid); });
    collection(kind).for_each_deleted([&](const Record& r) { deleted.push_back(r.jnid); });
  }
  std::sort(active.begin(), active.end());
  std::sort(deleted.begin(), deleted.end());
  return nlohmann::json{{"active", active}, {"deleted", deleted}}.dump();
}

const Record& SandboxState::put_json_locked(Kind kind, std::string json, uint64_t content_seed) {
  auto record = index_record_text(std::move(json));
  // Every caller builds the JSON itself with a jnid, so indexing cannot fail.
  record->content_seed = content_seed;
  return collection(kind).put(std::move(*record));
}

std::string SandboxState::next_jnid_locked() {
  while (true) {
    std::string id = random_jnid(rng_);
    bool taken = false;
    for (const auto& c : collections_) taken = taken || c.contains_any(id);
    if (!taken) return id;
  }
}

}  // namespace gep::sandbox

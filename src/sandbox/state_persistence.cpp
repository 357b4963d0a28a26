// --state FILE: the whole account survives a restart. One line per item, so that a 100,000-job
// account loads without holding a giant JSON document: a header, then
//   record <kind> <active|deleted> <content_seed> <json>
//   blob <jnid> <base64>
//   write <json>
// fields separated by tabs (JSON text never contains a raw tab or newline).
#include <cstdio>
#include <fstream>
#include <mutex>

#include "sandbox/file_bytes.h"
#include "sandbox/sandbox_state.h"

namespace gep::sandbox {
namespace {

constexpr int kFormat = 1;

std::vector<std::string_view> split_tabs(std::string_view line, size_t parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < parts) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) break;
    out.push_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
  }
  out.push_back(line);
  return out;
}

}  // namespace

Status SandboxState::save(const std::string& path) const {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return fail("io", "cannot write " + temporary);
    const std::shared_lock lock(mutex_);
    out << nlohmann::json{{"gep_sandbox_state", kFormat},
                          {"saved_at", now()},
                          {"next_job_recid", next_job_recid_},
                          {"next_contact_recid", next_contact_recid_},
                          {"next_write_seq", next_write_seq_}}
               .dump()
        << '\n';
    for (const Kind kind : kAllKinds) {
      const auto write = [&](const Record& record, const char* state) {
        out << "record\t" << kind_path(kind) << '\t' << state << '\t' << record.content_seed << '\t'
            << record.json << '\n';
      };
      collection(kind).for_each([&](const Record& r) { write(r, "active"); });
      collection(kind).for_each_deleted([&](const Record& r) { write(r, "deleted"); });
    }
    for (const auto& [jnid, bytes] : blobs_)
      out << "blob\t" << jnid << '\t' << base64_encode(bytes) << '\n';
    for (const auto& entry : write_log_) out << "write\t" << to_json(entry).dump() << '\n';
    out.flush();
    if (!out) return fail("io", "writing " + temporary + " failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return fail("io", "cannot replace " + path);
  }
  return {};
}

Status SandboxState::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("not_found", "no state file at " + path);
  std::string line;
  if (!std::getline(in, line)) return fail("validation", path + " is empty");
  const auto header = nlohmann::json::parse(line, nullptr, false);
  if (!header.is_object() || header.value("gep_sandbox_state", 0) != kFormat) {
    return fail("validation",
                path + " is not a gep sandbox state file (format " + std::to_string(kFormat) + ")");
  }
  std::array<std::vector<Record>, 5> active;
  std::array<std::vector<Record>, 5> deleted;
  std::unordered_map<std::string, std::string> blobs;
  std::vector<WriteLogEntry> writes;
  size_t line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    const std::string where = path + ":" + std::to_string(line_number);
    if (line.rfind("record\t", 0) == 0) {
      const auto parts = split_tabs(line, 5);
      const auto kind = parts.size() == 5 ? kind_from_path(parts[1]) : std::nullopt;
      if (!kind) return fail("validation", where + ": malformed record line");
      auto record = index_record_text(std::string(parts[4]));
      if (!record) return fail("validation", where + ": " + record.error().message);
      record->content_seed = std::strtoull(std::string(parts[3]).c_str(), nullptr, 10);
      (parts[2] == "deleted" ? deleted : active)[kind_index(*kind)].push_back(std::move(*record));
    } else if (line.rfind("blob\t", 0) == 0) {
      const auto parts = split_tabs(line, 3);
      auto bytes = parts.size() == 3 ? base64_decode(parts[2]) : std::nullopt;
      if (!bytes) return fail("validation", where + ": malformed blob line");
      blobs.emplace(std::string(parts[1]), std::move(*bytes));
    } else if (line.rfind("write\t", 0) == 0) {
      const auto entry = nlohmann::json::parse(line.substr(6), nullptr, false);
      if (!entry.is_object()) return fail("validation", where + ": malformed write line");
      writes.push_back({entry.value("seq", uint64_t{0}), entry.value("at", int64_t{0}),
                        entry.value("endpoint", ""), entry.value("jnid", ""),
                        entry.contains("request") ? entry["request"].dump() : "{}",
                        entry.value("fault", "")});
    } else if (!line.empty()) {
      return fail("validation", where + ": unknown line");
    }
  }
  const std::unique_lock lock(mutex_);
  for (const Kind kind : kAllKinds) {
    auto& target = collection(kind);
    target.clear();
    target.load(std::move(active[kind_index(kind)]));
    target.load_deleted(std::move(deleted[kind_index(kind)]));
  }
  blobs_ = std::move(blobs);
  write_log_ = std::move(writes);
  next_job_recid_ = header.value("next_job_recid", int64_t{1001});
  next_contact_recid_ = header.value("next_contact_recid", int64_t{1001});
  next_write_seq_ = header.value("next_write_seq", uint64_t{1});
  return {};
}

}  // namespace gep::sandbox

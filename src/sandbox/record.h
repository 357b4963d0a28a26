#pragma once
// One stored record: its wire JSON text, kept exactly as served, plus the few fields that lists
// filter, sort and join on, extracted once so that a page never re-parses records.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gep::sandbox {

enum class Kind { job, contact, task, activity, file };
inline constexpr std::array<Kind, 5> kAllKinds = {Kind::job, Kind::contact, Kind::task,
                                                  Kind::activity, Kind::file};

// "jobs", "contacts", "tasks", "activities", "files": the path segment under /api1.
std::string_view kind_path(Kind kind);
std::optional<Kind> kind_from_path(std::string_view path);
// The member that holds a list page: "results", "activity" or "files".
std::string_view list_member(Kind kind);
// The record's "type" on the wire: "job", "contact", "task", "activity", "attachment".
std::string_view wire_type(Kind kind);
inline size_t kind_index(Kind kind) {
  return static_cast<size_t>(kind);
}

struct Record {
  std::string jnid;
  int64_t date_created = 0;
  int64_t date_updated = 0;
  int record_type = 0;
  std::string record_type_name;  // "Photo", "Note", a workflow name: filtered on often
  std::string primary_id;
  std::vector<std::string> related_ids;  // every related[].id, primary's included if listed
  uint64_t seq = 0;  // insertion order inside the store: breaks index ties, never served
  // Seeded files regenerate their bytes from this; 0 = uploaded bytes kept by the store.
  uint64_t content_seed = 0;
  std::string json;  // the wire object
};

// Builds a record around wire JSON text, extracting the indexed fields without a full parse.
// Fails (code "validation") when the text is not an object or has no string jnid.
Result<Record> index_record_text(std::string json);

// The string value of a JSON string literal's text (quotes included); nullopt if not a string.
std::optional<std::string> json_string_value(std::string_view literal);
// The integer value of a JSON number's text; null, missing or fractional parts count as 0.
int64_t json_integer_value(std::string_view literal);

}  // namespace gep::sandbox

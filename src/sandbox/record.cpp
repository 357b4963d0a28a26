#include "sandbox/record.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "sandbox/json_members.h"

namespace gep::sandbox {

std::string_view kind_path(Kind kind) {
  switch (kind) {
    case Kind::job:
      return "jobs";
    case Kind::contact:
      return "contacts";
    case Kind::task:
      return "tasks";
    case Kind::activity:
      return "activities";
    case Kind::file:
      return "files";
  }
  return "jobs";
}

std::optional<Kind> kind_from_path(std::string_view path) {
  for (const Kind kind : kAllKinds) {
    if (kind_path(kind) == path) return kind;
  }
  return std::nullopt;
}

std::string_view list_member(Kind kind) {
  switch (kind) {
    case Kind::activity:
      return "activity";
    case Kind::file:
      return "files";
    default:
      return "results";
  }
}

std::string_view wire_type(Kind kind) {
  switch (kind) {
    case Kind::job:
      return "job";
    case Kind::contact:
      return "contact";
    case Kind::task:
      return "task";
    case Kind::activity:
      return "activity";
    case Kind::file:
      return "attachment";
  }
  return "job";
}

std::optional<std::string> json_string_value(std::string_view literal) {
  if (literal.size() < 2 || literal.front() != '"') return std::nullopt;
  const std::string_view inner = literal.substr(1, literal.size() - 2);
  if (inner.find('\\') == std::string_view::npos) return std::string(inner);
  const auto parsed = nlohmann::json::parse(literal, nullptr, false);
  if (!parsed.is_string()) return std::nullopt;
  return parsed.get<std::string>();
}

int64_t json_integer_value(std::string_view literal) {
  int64_t value = 0;
  const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  if (result.ec != std::errc{}) return 0;
  if (result.ptr != literal.data() + literal.size()) {
    // 1.7e9 or 1700000000.5: rare, but a client may send it; take the integer part.
    const auto parsed = nlohmann::json::parse(literal, nullptr, false);
    if (parsed.is_number()) return static_cast<int64_t>(std::floor(parsed.get<double>()));
    return 0;
  }
  return value;
}

namespace {

// Calls visit(element_text) for each element of a JSON array text.
template <class Visit>
void for_each_element(std::string_view array, Visit&& visit) {
  size_t pos = skip_json_space(array, 0);
  if (pos >= array.size() || array[pos] != '[') return;
  pos = skip_json_space(array, pos + 1);
  if (pos < array.size() && array[pos] == ']') return;
  while (pos < array.size()) {
    const size_t end = skip_json_value(array, pos);
    visit(array.substr(pos, end - pos));
    pos = skip_json_space(array, end);
    if (pos >= array.size() || array[pos] != ',') return;
    pos = skip_json_space(array, pos + 1);
  }
}

// {"id": "..."} or a bare "..." (uploads name related records by id alone).
std::optional<std::string> reference_id(std::string_view value) {
  if (!value.empty() && value.front() == '"') return json_string_value(value);
  const auto id = find_member(value, "id");
  return id ? json_string_value(*id) : std::nullopt;
}

}  // namespace

Result<Record> index_record_text(std::string json) {
  Record record;
  bool has_jnid = false;
  for_each_member(json, [&](std::string_view key, std::string_view value) {
    if (key == "jnid") {
      if (auto id = json_string_value(value)) {
        record.jnid = std::move(*id);
        has_jnid = !record.jnid.empty();
      }
    } else if (key == "date_created") {
      record.date_created = json_integer_value(value);
    } else if (key == "date_updated") {
      record.date_updated = json_integer_value(value);
    } else if (key == "record_type") {
      record.record_type = static_cast<int>(json_integer_value(value));
    } else if (key == "record_type_name") {
      record.record_type_name = json_string_value(value).value_or("");
    } else if (key == "primary") {
      record.primary_id = reference_id(value).value_or("");
    } else if (key == "related") {
      for_each_element(value, [&](std::string_view element) {
        if (auto id = reference_id(element)) record.related_ids.push_back(std::move(*id));
      });
    }
    return true;
  });
  if (!has_jnid) return fail("validation", "record has no jnid");
  record.json = std::move(json);
  return record;
}

}  // namespace gep::sandbox

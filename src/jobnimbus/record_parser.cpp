#include "jobnimbus/record_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/json_input.h"
#include "jobnimbus/json_values.h"

namespace gep::jobnimbus {
namespace {

using json::error_code;
using simdjson::SUCCESS;
using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr std::array<std::string_view, 4> kListKeys = {"results", "activity", "files", "data"};

ApiError invalid(std::string_view why) {
  ApiError error;
  error.kind = ApiErrorKind::invalid_response;
  error.message = fmt::format("JobNimbus sent an answer that cannot be read: {}", why);
  return error;
}

ApiError invalid(std::string_view what, error_code code) {
  return invalid(fmt::format("{} ({})", what, simdjson::error_message(code)));
}

// At most 200 bytes, cut on a UTF-8 character boundary.
std::string excerpt_of(std::string_view raw) {
  constexpr size_t kMax = 200;
  if (raw.size() <= kMax) return std::string(raw);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(raw.substr(0, cut)) + "…";
}

template <class Record>
error_code read_fields(object& fields, Record& record, std::string& jnid_problem) {
  for (auto field_result : fields) {
    simdjson::ondemand::field field;
    if (const auto error = std::move(field_result).get(field)) return error;
    std::string_view key;
    if (const auto error = json::field_key(field, key)) return error;
    value v = field.value();
    if (key == "jnid") {
      json_type type{};
      if (const auto error = v.type().get(type); json::is_fatal(error)) return error;
      std::string_view jnid;
      if (type != json_type::string || v.get_string().get(jnid) != SUCCESS) {
        jnid_problem = "jnid is not a string";
        continue;
      }
      record.jnid.assign(jnid);
      continue;
    }
    if (const auto error = json::assign_field(record, key, v)) return error;
  }
  return SUCCESS;
}

// Reads one record; a record that cannot be used is reported in `page.skipped`. Returns only
// errors that make the whole document unusable.
template <class Record>
error_code read_element(value& element, size_t index, Page<Record>& page) {
  object fields;
  if (const auto error = element.get_object().get(fields)) {
    if (json::is_fatal(error)) return error;
    page.skipped.push_back({index, "", "not a JSON object", excerpt_of(element.raw_json_token())});
    return SUCCESS;
  }
  std::string_view raw;
  if (const auto error = fields.raw_json().get(raw)) return error;
  if (json_depth(raw) > kMaxJsonDepth) {
    page.skipped.push_back({index, "",
                            "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                            excerpt_of(raw)});
    return SUCCESS;
  }
  if (const auto error = fields.reset().error()) return error;
  Record record;
  std::string jnid_problem;
  if (const auto error = read_fields(fields, record, jnid_problem)) return error;
  if (record.jnid.empty()) {
    if (jnid_problem.empty()) jnid_problem = "no jnid";
    page.skipped.push_back({index, "", std::move(jnid_problem), excerpt_of(raw)});
    return SUCCESS;
  }
  if constexpr (requires { record.raw_json; }) record.raw_json.assign(raw);
  page.records.push_back(std::move(record));
  return SUCCESS;
}

template <class Record>
error_code read_list(value& list, Page<Record>& page) {
  simdjson::ondemand::array array;
  if (const auto error = list.get_array().get(array)) return error;
  size_t index = 0;
  for (auto element_result : array) {
    value element;
    if (const auto error = element_result.get(element)) return error;
    if (const auto error = read_element(element, index++, page)) return error;
  }
  return SUCCESS;
}

bool is_list_key(std::string_view key) {
  for (const auto list_key : kListKeys) {
    if (key == list_key) return true;
  }
  return false;
}

}  // namespace

template <class Record>
ApiResult<Page<Record>> parse_page(const std::string& body) {
  const json::PaddedInput input(body);
  auto& parser = json::thread_parser();
  simdjson::ondemand::document document;
  if (const auto error = parser.iterate(input.data, input.size, input.capacity).get(document)) {
    return fail(invalid("not JSON", error));
  }
  Page<Record> page;
  json_type type{};
  if (const auto error = document.type().get(type)) return fail(invalid("not JSON", error));
  if (type == json_type::array) {
    value list;
    if (const auto error = document.get_value().get(list)) return fail(invalid("bad list", error));
    if (const auto error = read_list(list, page))
      return fail(invalid("truncated or malformed JSON", error));
    page.count = static_cast<int64_t>(page.records.size() + page.skipped.size());
    return page;
  }
  object root;
  if (const auto error = document.get_object().get(root)) {
    return fail(invalid("expected a JSON object", error));
  }
  bool found_list = false;
  std::optional<int64_t> count;
  for (auto field_result : root) {
    simdjson::ondemand::field field;
    std::string_view key;
    if (const auto error = std::move(field_result).get(field)) {
      return fail(invalid("truncated or malformed JSON", error));
    }
    if (const auto error = field.unescaped_key().get(key)) {
      return fail(invalid("truncated or malformed JSON", error));
    }
    value v = field.value();
    error_code error = SUCCESS;
    if (key == "count") {
      error = json::read_int(v, count);
      // JobNimbus sends count first: size the page once instead of growing it.
      if (!found_list && count && *count > 0) {
        page.records.reserve(static_cast<size_t>(std::min<int64_t>(*count, 1000)));
      }
    } else if (!found_list && is_list_key(key)) {
      json_type list_type{};
      error = v.type().get(list_type);
      if (!error && list_type == json_type::array) {
        found_list = true;
        error = read_list(v, page);
      }
    }
    if (error) return fail(invalid("truncated or malformed JSON", error));
  }
  if (!found_list) return fail(invalid("the answer holds no list of records"));
  page.count = count.value_or(static_cast<int64_t>(page.records.size() + page.skipped.size()));
  return page;
}

template <class Record>
ApiResult<Record> parse_record(const std::string& body) {
  const json::PaddedInput input(body);
  auto& parser = json::thread_parser();
  simdjson::ondemand::document document;
  if (const auto error = parser.iterate(input.data, input.size, input.capacity).get(document)) {
    return fail(invalid("not JSON", error));
  }
  object fields;
  if (const auto error = document.get_object().get(fields)) {
    return fail(invalid("expected a JSON object", error));
  }
  std::string_view raw;
  if (const auto error = fields.raw_json().get(raw))
    return fail(invalid("truncated or malformed JSON", error));
  if (const auto error = fields.reset().error()) return fail(invalid("malformed JSON", error));
  Record record;
  std::string jnid_problem;
  if (const auto error = read_fields(fields, record, jnid_problem)) {
    return fail(invalid("truncated or malformed JSON", error));
  }
  if (record.jnid.empty())
    return fail(invalid(jnid_problem.empty() ? "the record has no jnid" : jnid_problem));
  if constexpr (requires { record.raw_json; }) record.raw_json.assign(raw);
  return record;
}

template ApiResult<Page<Job>> parse_page<Job>(const std::string&);
template ApiResult<Page<Contact>> parse_page<Contact>(const std::string&);
template ApiResult<Page<FileRecord>> parse_page<FileRecord>(const std::string&);
template ApiResult<Page<Activity>> parse_page<Activity>(const std::string&);
template ApiResult<Page<Task>> parse_page<Task>(const std::string&);
template ApiResult<Page<RecordId>> parse_page<RecordId>(const std::string&);
template ApiResult<Job> parse_record<Job>(const std::string&);
template ApiResult<Contact> parse_record<Contact>(const std::string&);
template ApiResult<FileRecord> parse_record<FileRecord>(const std::string&);
template ApiResult<Activity> parse_record<Activity>(const std::string&);
template ApiResult<Task> parse_record<Task>(const std::string&);

bool FileRecord::is_photo() const {
  return record_type == static_cast<int64_t>(FileType::photo) || record_type_name == "Photo";
}

}  // namespace gep::jobnimbus

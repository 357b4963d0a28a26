#pragma once
// Internal to the parser: tolerant readers of single JSON values on simdjson's on-demand API.
// A value of an unexpected type (a date sent as a string, a name sent as null) leaves the target
// at its default and is not an error; only errors that break the document are returned.
#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "jobnimbus/models.h"

namespace gep::jobnimbus::json {

using simdjson::error_code;
using simdjson::ondemand::value;

// Type and number errors are per value; anything else means the document is unusable.
bool is_fatal(error_code error);

// The key of a field without copying it: the raw text when it holds no escape (every key we look
// for), else the unescaped key.
error_code field_key(simdjson::ondemand::field& field, std::string_view& key);

// One parser per thread, reused: its buffers grow to the largest page once and stay.
simdjson::ondemand::parser& thread_parser();

// simdjson reads up to SIMDJSON_PADDING bytes past the end; bodies from CurlTransport reserve
// them, anything else is copied once.
struct PaddedInput {
  simdjson::padded_string copy;
  const char* data = nullptr;
  size_t size = 0;
  size_t capacity = 0;
  explicit PaddedInput(const std::string& body);
};

error_code read_text(value& v, std::string& out);
error_code read_int(value& v, std::optional<int64_t>& out);
// Unix seconds; 0, negative and null are "unset". Also accepts a numeric or ISO 8601 string.
error_code read_date(value& v, std::optional<UnixSeconds>& out);
error_code read_bool(value& v, bool& out);
error_code read_double(value& v, std::optional<double>& out);
// {"id":..,"type":..,"name":..,"number":..} or a bare id string.
error_code read_ref(value& v, std::optional<RecordRef>& out);
error_code read_refs(value& v, std::vector<RecordRef>& out);

// Assigns the field `key` of a record; unknown keys are ignored (they stay in raw_json).
error_code assign_field(Job& job, std::string_view key, value& v);
error_code assign_field(Contact& contact, std::string_view key, value& v);
error_code assign_field(FileRecord& file, std::string_view key, value& v);
error_code assign_field(Activity& activity, std::string_view key, value& v);
error_code assign_field(Task& task, std::string_view key, value& v);
error_code assign_field(RecordId& id, std::string_view key, value& v);

}  // namespace gep::jobnimbus::json

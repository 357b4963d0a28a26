#include "jobnimbus/json_values.h"

#include <charconv>
#include <cmath>

#include "core/time_format.h"

namespace gep::jobnimbus::json {
namespace {

using simdjson::SUCCESS;
using simdjson::ondemand::json_type;

// Dates beyond this are taken to be milliseconds (year 5138 in seconds); JobNimbus sends
// seconds, but a stray millisecond value must not become a date 50,000 years out.
constexpr int64_t kMillisecondThreshold = 100'000'000'000;

error_code soft(error_code error) {
  return is_fatal(error) ? error : SUCCESS;
}

std::string_view trim_token(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' ||
                            token.back() == '\t')) {
    token.remove_suffix(1);
  }
  return token;
}

}  // namespace

bool is_fatal(error_code error) {
  switch (error) {
    case simdjson::SUCCESS:
    case simdjson::INCORRECT_TYPE:
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
    case simdjson::STRING_ERROR:
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return false;
    default:
      return true;
  }
}

simdjson::ondemand::parser& thread_parser() {
  thread_local simdjson::ondemand::parser parser;
  return parser;
}

PaddedInput::PaddedInput(const std::string& body) {
  if (body.capacity() >= body.size() + simdjson::SIMDJSON_PADDING) {
    data = body.data();
    size = body.size();
    capacity = body.capacity();
  } else {
    copy = simdjson::padded_string(body);
    data = copy.data();
    size = copy.size();
    capacity = size + simdjson::SIMDJSON_PADDING;
  }
}

error_code field_key(simdjson::ondemand::field& field, std::string_view& key) {
  const char* const start = field.key().raw();
  const char* end = start;
  while (*end != '"' && *end != '\\') ++end;  // the document is padded and its strings closed
  if (*end == '"') {
    key = std::string_view(start, static_cast<size_t>(end - start));
    return SUCCESS;
  }
  return field.unescaped_key().get(key);
}

error_code read_text(value& v, std::string& out) {
  std::string_view text;
  // Fast path first: nearly every text field is a string.
  if (v.get_string().get(text) == SUCCESS) {
    out.assign(text);
    return SUCCESS;
  }
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  if (type == json_type::number) {
    out.assign(trim_token(v.raw_json_token()));  // "number": 1001 instead of "1001"
  }
  return SUCCESS;
}

error_code read_int(value& v, std::optional<int64_t>& out) {
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  if (type == json_type::number) {
    int64_t integer = 0;
    if (v.get_int64().get(integer) == SUCCESS) {
      out = integer;
      return SUCCESS;
    }
    double real = 0;
    if (const auto error = v.get_double().get(real)) return soft(error);
    if (std::isfinite(real) && std::fabs(real) < 9.0e18) out = std::llround(real);
    return SUCCESS;
  }
  if (type == json_type::string) {
    std::string_view text;
    if (const auto error = v.get_string().get(text)) return soft(error);
    int64_t integer = 0;
    const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), integer);
    if (problem == std::errc{} && end == text.data() + text.size()) out = integer;
  }
  return SUCCESS;
}

error_code read_date(value& v, std::optional<UnixSeconds>& out) {
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  std::optional<int64_t> seconds;
  if (type == json_type::string) {
    std::string_view text;
    if (const auto error = v.get_string().get(text)) return soft(error);
    seconds = parse_time_to_unix_seconds(text);
  } else if (const auto error = read_int(v, seconds)) {
    return error;
  }
  if (seconds && *seconds > kMillisecondThreshold) *seconds /= 1000;
  out = seconds && *seconds > 0 ? seconds : std::nullopt;
  return SUCCESS;
}

error_code read_bool(value& v, bool& out) {
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  if (type == json_type::boolean) {
    bool flag = false;
    if (const auto error = v.get_bool().get(flag)) return soft(error);
    out = flag;
  } else if (type == json_type::number) {
    std::optional<int64_t> number;
    if (const auto error = read_int(v, number)) return error;
    if (number) out = *number != 0;
  } else if (type == json_type::string) {
    std::string_view text;
    if (const auto error = v.get_string().get(text)) return soft(error);
    if (text == "true" || text == "1") out = true;
    if (text == "false" || text == "0") out = false;
  }
  return SUCCESS;
}

error_code read_double(value& v, std::optional<double>& out) {
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  if (type != json_type::number) return SUCCESS;
  double real = 0;
  if (const auto error = v.get_double().get(real)) return soft(error);
  if (std::isfinite(real)) out = real;
  return SUCCESS;
}

error_code read_ref(value& v, std::optional<RecordRef>& out) {
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  if (type == json_type::string) {
    RecordRef ref;
    if (const auto error = read_text(v, ref.id)) return error;
    if (!ref.id.empty()) out = std::move(ref);
    return SUCCESS;
  }
  if (type != json_type::object) return SUCCESS;
  simdjson::ondemand::object object;
  if (const auto error = v.get_object().get(object)) return soft(error);
  RecordRef ref;
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    if (const auto error = std::move(field_result).get(field)) return error;
    std::string_view key;
    if (const auto error = field_key(field, key)) return error;
    value child = field.value();
    error_code error = SUCCESS;
    if (key == "id") {
      error = read_text(child, ref.id);
    } else if (key == "type") {
      error = read_text(child, ref.type);
    } else if (key == "name") {
      error = read_text(child, ref.name);
    } else if (key == "number") {
      error = read_text(child, ref.number);
    }
    if (error) return error;
  }
  if (!ref.id.empty()) out = std::move(ref);
  return SUCCESS;
}

error_code read_refs(value& v, std::vector<RecordRef>& out) {
  json_type type{};
  if (const auto error = v.type().get(type)) return soft(error);
  if (type != json_type::array) return SUCCESS;
  simdjson::ondemand::array array;
  if (const auto error = v.get_array().get(array)) return soft(error);
  for (auto item_result : array) {
    value item;
    if (const auto error = item_result.get(item)) return error;
    std::optional<RecordRef> ref;
    if (const auto error = read_ref(item, ref)) return error;
    if (ref) out.push_back(std::move(*ref));
  }
  return SUCCESS;
}

}  // namespace gep::jobnimbus::json

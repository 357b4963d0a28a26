#include "core/json_input.h"

namespace gep {
namespace {

template <class Json>
Result<Json> parse_limited(std::string_view text, int max_depth) {
  if (json_depth(text, max_depth) > max_depth) {
    return fail(std::string(kJsonTooDeep),
                "the JSON is nested deeper than " + std::to_string(max_depth) + " levels");
  }
  Json parsed = Json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) return fail(std::string(kJsonMalformed), "the body is not valid JSON");
  return parsed;
}

}  // namespace

int json_depth(std::string_view text, int stop_after) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > stop_after) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

Result<nlohmann::json> parse_json_input(std::string_view text, int max_depth) {
  return parse_limited<nlohmann::json>(text, max_depth);
}

nlohmann::json parse_json_or_discarded(std::string_view text, int max_depth) {
  auto parsed = parse_json_input(text, max_depth);
  if (!parsed) return nlohmann::json(nlohmann::json::value_t::discarded);
  return std::move(parsed).value();
}

Result<nlohmann::ordered_json> parse_ordered_json_input(std::string_view text, int max_depth) {
  return parse_limited<nlohmann::ordered_json>(text, max_depth);
}

}  // namespace gep

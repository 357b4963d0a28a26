#pragma once
// Every JSON document that comes from outside (requests, webhooks, JobNimbus pages, tokens) is
// parsed here, under a nesting limit: a document nested 100,000 deep is refused in one linear
// pass, before any recursive code (dump, copy, walking a record) could overflow the stack.
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/json_input.h"
#include "core/result.h"

namespace gep {

inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::string_view kJsonTooDeep = "json_too_deep";
inline constexpr std::string_view kJsonMalformed = "json_malformed";

// The deepest nesting of arrays and objects in `text` (brackets inside strings do not count),
// counted up to `stop_after` + 1 at most.
int json_depth(std::string_view text, int stop_after = kMaxJsonDepth);

// `text` parsed, or an error: kJsonTooDeep past `max_depth` levels, kJsonMalformed otherwise.
Result<nlohmann::json> parse_json_input(std::string_view text, int max_depth = kMaxJsonDepth);

// `text` parsed, or a discarded value (is_discarded()) when malformed or too deep: for callers
// that already refuse anything but the shape they expect.
nlohmann::json parse_json_or_discarded(std::string_view text, int max_depth = kMaxJsonDepth);

// The same for documents whose members keep their order (the sandbox's records).
Result<nlohmann::ordered_json> parse_ordered_json_input(std::string_view text,
                                                        int max_depth = kMaxJsonDepth);

}  // namespace gep

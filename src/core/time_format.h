#pragma once
// API times are ISO 8601 UTC strings ("2024-01-01T12:30:00Z"); JobNimbus times are unix seconds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace gep {

std::string format_iso8601(TimePoint time);
std::string format_iso8601_seconds(int64_t unix_seconds);
// How a person reads a time on a page or in a status line: "2026-12-04 14:03 UTC"; "never" for 0.
std::string format_when(int64_t unix_seconds);

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)" and plain unix seconds.
std::optional<int64_t> parse_time_to_unix_seconds(std::string_view text);

}  // namespace gep

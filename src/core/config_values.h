#pragma once
// Inside core only: the parsers the configuration table (config_variables.cpp) applies to values.
// Each throws ConfigError naming the variable when the value is unusable.
#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"

namespace gep::config_detail {

[[noreturn]] void reject(const std::string& name, const std::string& problem);
// A value quoted for an error message, cut at 80 characters; never pass a secret.
std::string shown(const std::string& value);

int64_t parse_integer(const std::string& name, const std::string& value, int64_t min, int64_t max);
int parse_int(const std::string& name, const std::string& value, int min, int max);
double parse_positive_number(const std::string& name, const std::string& value);
bool parse_bool(const std::string& name, const std::string& value);
std::string parse_choice(const std::string& name, const std::string& value,
                         const std::vector<std::string>& choices);
// A CSS colour as "#rrggbb" (lower case); "#rgb" is widened.
std::string parse_hex_colour(const std::string& name, const std::string& value);
// An http(s) URL without trailing slashes.
std::string parse_http_url(const std::string& name, const std::string& value);
// Space- or comma-separated frame-ancestors origins ('self' or scheme://host[:port]).
std::string parse_origin_list(const std::string& name, const std::string& value);
// DATABASE_URL: sqlite:PATH or postgres://...; sets the kind, path and URL.
void apply_database_url(Config& config, const std::string& value);

}  // namespace gep::config_detail

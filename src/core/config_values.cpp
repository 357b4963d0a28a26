// Parsing and checking of configuration values: each parser names the variable in its error and
// never echoes more than the start of a value (secret variables are never parsed by these).
#include "core/config_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include "core/secrets.h"
#include "core/url.h"

namespace gep::config_detail {

// Quotes a value for an error message; values of secret variables are never echoed.
std::string shown(const std::string& value) {
  return "\"" + value.substr(0, 80) + "\"";
}

namespace {

// A CSP source for frame-ancestors: 'self' or scheme://host[:port] (host may start with *.).
bool is_frame_origin(const std::string& item) {
  if (item == "'self'") return true;
  const size_t scheme_end = item.find("://");
  if (scheme_end == std::string::npos) return false;
  const std::string scheme = item.substr(0, scheme_end);
  if (scheme != "https" && scheme != "http") return false;
  std::string authority = item.substr(scheme_end + 3);
  if (authority.rfind("*.", 0) == 0) authority = authority.substr(2);
  const size_t colon = authority.find(':');
  const std::string host = authority.substr(0, colon);
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  for (const char c : host) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '.') return false;
  }
  if (colon == std::string::npos) return true;
  const std::string port = authority.substr(colon + 1);
  return !port.empty() && port.size() <= 5 &&
         std::all_of(port.begin(), port.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

[[noreturn]] void reject(const std::string& name, const std::string& problem) {
  throw ConfigError(name + ": " + problem);
}

int64_t parse_integer(const std::string& name, const std::string& value, int64_t min, int64_t max) {
  int64_t number = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc{} || ptr != value.data() + value.size() || number < min ||
      number > max) {
    reject(name, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                     ", got " + shown(value));
  }
  return number;
}

int parse_int(const std::string& name, const std::string& value, int min, int max) {
  return static_cast<int>(parse_integer(name, value, min, max));
}

std::string parse_hex_colour(const std::string& name, const std::string& value) {
  const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  const bool shaped = (value.size() == 4 || value.size() == 7) && value.front() == '#' &&
                      std::all_of(value.begin() + 1, value.end(), hex);
  if (!shaped) reject(name, "expected a colour such as #0b5cad, got " + shown(value));
  std::string colour = "#";
  for (size_t i = 1; i < value.size(); ++i) {
    const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(value[i])));
    colour += lower;
    if (value.size() == 4) colour += lower;
  }
  return colour;
}

double parse_positive_number(const std::string& name, const std::string& value) {
  double number = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc{} || ptr != value.data() + value.size() ||
      !std::isfinite(number) || number <= 0) {
    reject(name, "expected a positive number, got " + shown(value));
  }
  return number;
}

bool parse_bool(const std::string& name, const std::string& value) {
  std::string lowered = value;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lowered == "true" || lowered == "1" || lowered == "yes" || lowered == "on") return true;
  if (lowered == "false" || lowered == "0" || lowered == "no" || lowered == "off") return false;
  reject(name, "expected true or false, got " + shown(value));
}

std::string parse_choice(const std::string& name, const std::string& value,
                         const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
  std::string list;
  for (const auto& choice : choices) list += (list.empty() ? "" : "|") + choice;
  reject(name, "expected one of " + list + ", got " + shown(value));
}

std::string parse_http_url(const std::string& name, const std::string& value) {
  const auto url = parse_url(value);
  if (!url) reject(name, "expected an http(s) URL, got " + shown(redact_url_password(value)));
  if (url->scheme != "http" && url->scheme != "https") {
    reject(name, "expected an http or https URL, got scheme \"" + url->scheme + "\"");
  }
  std::string trimmed = value;
  while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
  return trimmed;
}

std::string parse_origin_list(const std::string& name, const std::string& value) {
  std::string normalized;
  std::string item;
  std::istringstream words(value);
  while (std::getline(words, item, ' ')) {
    std::istringstream parts(item);
    std::string origin;
    while (std::getline(parts, origin, ',')) {
      while (!origin.empty() && origin.back() == '/') origin.pop_back();
      if (origin.empty()) continue;
      if (!is_frame_origin(origin)) {
        reject(name, "expected origins such as https://app.jobnimbus.com, got " + shown(origin));
      }
      normalized += (normalized.empty() ? "" : " ") + origin;
    }
  }
  if (normalized.empty()) reject(name, "must name at least one origin");
  return normalized;
}

void apply_database_url(Config& config, const std::string& value) {
  static const char* kName = "DATABASE_URL";
  if (value.rfind("sqlite:", 0) == 0) {
    std::string path = value.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // tolerate sqlite://PATH
    if (path.empty()) reject(kName, "sqlite: needs a file path, e.g. sqlite:./data/gep.db");
    config.database_kind = DatabaseKind::sqlite;
    config.sqlite_path = path;
  } else if (value.rfind("postgres://", 0) == 0 || value.rfind("postgresql://", 0) == 0) {
    const auto url = parse_url(value);
    if (!url || url->host.empty()) reject(kName, "postgres URL has no host");
    config.database_kind = DatabaseKind::postgres;
  } else {
    const size_t colon = value.find(':');
    const std::string scheme =
        colon == std::string::npos ? value.substr(0, 20) : value.substr(0, colon);
    reject(kName, "expected sqlite:PATH or postgres://..., got scheme \"" + scheme + "\"");
  }
  config.database_url = value;
}

}  // namespace gep::config_detail

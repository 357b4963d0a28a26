#include "jobnimbus/query.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace gep::jobnimbus {

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' ||
                            byte == '.' || byte == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4U]);
      out.push_back(kHex[byte & 0x0FU]);
    }
  }
  return out;
}

std::string term_clause(std::string_view field, std::string_view value) {
  nlohmann::json clause;
  clause["term"][std::string(field)] = std::string(value);
  return clause.dump();
}

std::string terms_clause(std::string_view field, std::span<const std::string> values) {
  nlohmann::json clause;
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& value : values) listed.push_back(value);
  clause["terms"][std::string(field)] = std::move(listed);
  return clause.dump();
}

std::string range_clause(std::string_view field, std::optional<int64_t> gte,
                         std::optional<int64_t> lte) {
  nlohmann::json bounds = nlohmann::json::object();
  if (gte) bounds["gte"] = *gte;
  if (lte) bounds["lte"] = *lte;
  nlohmann::json clause;
  clause["range"][std::string(field)] = std::move(bounds);
  return clause.dump();
}

std::string greater_than_clause(std::string_view field, std::string_view value) {
  nlohmann::json clause;
  clause["range"][std::string(field)]["gt"] = std::string(value);
  return clause.dump();
}

std::string list_path(std::string_view resource, const ListQuery& query) {
  std::string path = fmt::format("/{}?size={}&from={}", resource, query.size, query.from);
  if (!query.sort_field.empty()) path += "&sort_field=" + url_encode(query.sort_field);
  if (!query.sort_direction.empty()) path += "&sort_direction=" + url_encode(query.sort_direction);
  if (!query.fields.empty()) path += "&fields=" + url_encode(query.fields);
  if (!query.must.empty()) {
    std::string filter = "{\"must\":[";
    for (size_t i = 0; i < query.must.size(); ++i) {
      if (i > 0) filter += ',';
      filter += query.must[i];
    }
    filter += "]}";
    path += "&filter=" + url_encode(filter);
  }
  return path;
}

std::string record_path(std::string_view resource, std::string_view jnid) {
  return fmt::format("/{}/{}", resource, url_encode(jnid));
}

}  // namespace gep::jobnimbus

#include "net/message.h"

#include <algorithm>

namespace gep::net {
namespace {

char fold(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string first_value(const Headers& headers, std::string_view name, std::string_view fallback) {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string(fallback) : found->second;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view left, std::string_view right) const {
  return std::lexicographical_compare(left.begin(), left.end(), right.begin(), right.end(),
                                      [](char a, char b) { return fold(a) < fold(b); });
}

bool Request::has_header(std::string_view name) const {
  return headers.find(name) != headers.end();
}

std::string Request::get_header_value(std::string_view name, std::string_view fallback) const {
  return first_value(headers, name, fallback);
}

bool Request::has_param(std::string_view name) const {
  return params.find(std::string(name)) != params.end();
}

std::string Request::get_param_value(std::string_view name) const {
  const auto found = params.find(std::string(name));
  return found == params.end() ? std::string() : found->second;
}

bool Response::has_header(std::string_view name) const {
  return headers.find(name) != headers.end();
}

std::string Response::get_header_value(std::string_view name) const {
  return first_value(headers, name, "");
}

void Response::set_header(std::string_view name, std::string_view value) {
  remove_header(name);
  add_header(name, value);
}

void Response::add_header(std::string_view name, std::string_view value) {
  headers.emplace(std::string(name), std::string(value));
}

void Response::remove_header(std::string_view name) {
  const auto [first, last] = headers.equal_range(name);
  headers.erase(first, last);
}

void Response::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  set_header("Content-Type", content_type);
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void parse_query(std::string_view query, Params& into) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    const std::string_view key = pair.substr(0, equals);
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    into.emplace(percent_decode(key, true), percent_decode(value, true));
  }
}

void decode_target(Request& request) {
  const size_t question = request.target.find('?');
  request.path = percent_decode(std::string_view(request.target).substr(0, question), false);
  if (question != std::string::npos) {
    parse_query(std::string_view(request.target).substr(question + 1), request.params);
  }
  const std::string type = request.get_header_value("Content-Type");
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    parse_query(request.body, request.params);
  }
}

}  // namespace gep::net

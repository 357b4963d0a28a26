#include "net/route_table.h"

#include <stdexcept>

namespace gep::net {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  while (true) {
    const size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

std::vector<std::string> split_choices(std::string_view text) {
  std::vector<std::string> choices;
  while (!text.empty()) {
    const size_t bar = text.find('|');
    choices.emplace_back(text.substr(0, bar));
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return choices;
}

}  // namespace

void RouteTable::add(std::string method, const std::string& pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("a route pattern starts with '/': " + pattern);
  }
  Route route{std::move(method), pattern, {}, std::move(handler)};
  for (const std::string_view part : split_path(pattern)) {
    Segment segment;
    if (!part.empty() && part.front() == ':') {
      segment.parameter = true;
      const size_t open = part.find('(');
      segment.name = std::string(part.substr(1, open - 1));
      if (open != std::string_view::npos) {
        if (part.back() != ')') throw std::invalid_argument("unclosed choice in " + pattern);
        segment.choices = split_choices(part.substr(open + 1, part.size() - open - 2));
      }
    } else {
      segment.literal = std::string(part);
    }
    route.segments.push_back(std::move(segment));
  }
  routes_.push_back(std::move(route));
}

const RouteTable::Route* RouteTable::find(std::string_view method, std::string_view path,
                                          std::vector<std::string>* values) const {
  const auto parts = split_path(path);
  for (const Route& route : routes_) {
    if (route.method != method || route.segments.size() != parts.size()) continue;
    bool matched = true;
    for (size_t i = 0; i < parts.size() && matched; ++i) {
      const Segment& segment = route.segments[i];
      if (!segment.parameter) {
        matched = segment.literal == parts[i];
      } else if (parts[i].empty()) {
        matched = false;
      } else if (!segment.choices.empty()) {
        matched = false;
        for (const auto& choice : segment.choices) matched = matched || choice == parts[i];
      }
    }
    if (!matched) continue;
    if (values != nullptr) {
      for (size_t i = 0; i < parts.size(); ++i) {
        if (route.segments[i].parameter) values->emplace_back(parts[i]);
      }
    }
    return &route;
  }
  return nullptr;
}

bool RouteTable::dispatch(Request& request, Response& response) const {
  std::vector<std::string> values;
  const Route* route = find(request.method, request.path, &values);
  if (route == nullptr) return false;
  request.route = route->pattern;
  request.matches.assign(1, request.path);
  size_t next = 0;
  for (const Segment& segment : route->segments) {
    if (!segment.parameter) continue;
    request.path_params[segment.name] = values[next];
    request.matches.push_back(values[next]);
    ++next;
  }
  route->handler(request, response);
  return true;
}

std::string RouteTable::route_of(std::string_view method, std::string_view path) const {
  const Route* route = find(method, path, nullptr);
  return route == nullptr ? std::string() : route->pattern;
}

}  // namespace gep::net

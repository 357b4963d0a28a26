#pragma once
// Routes by path segments: "/api/v1/jobs/:id" (any one segment) and "/api1/:kind(jobs|files)"
// (one of the listed). The first registered route that matches wins, as declared.
#include <functional>
#include <string>
#include <vector>

#include "net/message.h"

namespace gep::net {

using Handler = std::function<void(Request&, Response&)>;

class RouteTable {
 public:
  void add(std::string method, const std::string& pattern, Handler handler);

  // Finds the route of request.method and request.path, fills route, path_params and matches,
  // and runs it. false when no route matches (the caller answers 404).
  bool dispatch(Request& request, Response& response) const;
  // The template that matches `path` for `method` ("" when none): the body limit and the log
  // need it before the body has arrived.
  std::string route_of(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    std::string literal;               // when not a parameter
    std::string name;                  // a parameter's name
    std::vector<std::string> choices;  // a parameter's allowed values (empty: any)
    bool parameter = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };
  const Route* find(std::string_view method, std::string_view path,
                    std::vector<std::string>* values) const;

  std::vector<Route> routes_;
};

}  // namespace gep::net

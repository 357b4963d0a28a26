#include "jobnimbus/http_transport.h"

#include <strings.h>

namespace gep::jobnimbus {

std::string_view to_string(HttpMethod method) {
  switch (method) {
    case HttpMethod::get:
      return "GET";
    case HttpMethod::post:
      return "POST";
    case HttpMethod::put:
      return "PUT";
  }
  return "GET";
}

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  std::optional<std::string_view> found;
  for (const auto& header : headers) {
    if (header.name.size() == name.size() &&
        strncasecmp(header.name.data(), name.data(), name.size()) == 0) {
      found = header.value;
    }
  }
  return found;
}

}  // namespace gep::jobnimbus

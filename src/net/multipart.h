#pragma once
// multipart/form-data bodies (RFC 7578): the parts of an upload form, by name.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::net {

struct FormPart {
  std::string name;
  std::string filename;      // empty for a plain field
  std::string content_type;  // as the part declared it
  std::string content;
};
using FormParts = std::map<std::string, FormPart>;  // the first part of each name

// Whether `content_type` is multipart/form-data (with a boundary).
bool is_multipart_form_data(std::string_view content_type);
// The parts of `body`; an error names what is malformed.
Result<FormParts> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace gep::net

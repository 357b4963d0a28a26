#pragma once
// The templates and static files of src/web, compiled into the binary (embed_files.cmake).
#include <span>
#include <string_view>

namespace gep::web {

struct EmbeddedFile {
  std::string_view path;  // relative to src/web: "templates/risk_list.mustache", "static/app.css"
  std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace gep::web

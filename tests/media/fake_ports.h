#pragma once
// Counting fakes of the media service's ports.
#include <map>

#include "media/media_ports.h"

namespace gep::testing {

struct FakeFileSource final : media::FileBytesSource {
  std::map<std::string, std::string> files;
  int calls = 0;
  Result<media::MediaBytes> fetch(const std::string& file_jnid) override {
    ++calls;
    const auto found = files.find(file_jnid);
    if (found == files.end()) return fail("not_found", "no such file");
    return media::MediaBytes{found->second, "application/octet-stream"};
  }
};

struct FakeResizer final : media::ImageResizer {
  int calls = 0;
  Result<std::string> to_jpeg_width(std::string_view image, int width) override {
    ++calls;
    return "\xFF\xD8\xFF thumb " + std::to_string(width) + " of " + std::string(image);
  }
};

}  // namespace gep::testing

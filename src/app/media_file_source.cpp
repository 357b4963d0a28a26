#include "app/media_file_source.h"

namespace gep::app {

Result<media::MediaBytes> JobNimbusFileSource::fetch(const std::string& file_jnid) {
  auto download = client_.download_file(file_jnid);
  if (!download) {
    const auto& error = download.error();
    // ApiError names its kind; the media service only tells "not_found" from the rest.
    return fail(std::string(jobnimbus::to_string(error.kind)), error.describe());
  }
  return media::MediaBytes{std::move(download->bytes), std::move(download->content_type)};
}

}  // namespace gep::app

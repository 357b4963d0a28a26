#pragma once
// The media service's FileBytesSource on the JobNimbus SDK client (download_file), so file
// downloads share the client's rate limiter, retries and error mapping.
#include "jobnimbus/client.h"
#include "media/media_ports.h"

namespace gep::app {

class JobNimbusFileSource final : public media::FileBytesSource {
 public:
  explicit JobNimbusFileSource(jobnimbus::JobNimbusClient& client) : client_(client) {}
  Result<media::MediaBytes> fetch(const std::string& file_jnid) override;

 private:
  jobnimbus::JobNimbusClient& client_;
};

}  // namespace gep::app

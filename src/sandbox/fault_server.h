#pragma once
// cpp-httplib's server with one addition: a handler can make the response fail on the wire —
// the connection dropped without a byte, or the body cut off mid-way — which a normal handler
// cannot do because httplib writes whatever the Response holds. It replaces httplib's
// per-connection loop (keep-alive, timeouts) with an equivalent one over a socket stream that
// knows about these faults, and polls for shutdown so that stop() never waits for idle clients.
#include <httplib.h>

#include <cstddef>

namespace gep::sandbox {

class FaultServer : public httplib::Server {
 public:
  // For the request being handled on this thread: close the connection instead of answering.
  static void drop_connection();
  // For the request being handled on this thread: send the headers and only `keep` bytes of the
  // body, then close the connection (the Content-Length promises more).
  static void truncate_body(size_t keep);

 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace gep::sandbox

// The reference of bench/http_requests.sh: cpp-httplib exactly as shipped (no TCP_NODELAY,
// default pool and keep-alive) answering a ~200-byte JSON body, so the same run can report how
// much gep's tuning buys.
#include <httplib.h>

#include <cstdio>
#include <string>

int main() {
  httplib::Server server;
  const std::string body(
      R"({"status":"ok","version":"0.1.0","database":{"status":"ok","backend":"sqlite","schemaVersion":1},"padding":")" +
      std::string(90, 'x') + "\"}");
  server.Get("/api/v1/health", [&body](const httplib::Request&, httplib::Response& response) {
    response.set_content(body, "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::printf("listening on %d\n", port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}

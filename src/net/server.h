#pragma once
// The HTTP server: Boost.Beast on a few io_context threads; handlers run on a bounded worker
// pool, so reading and accepting never wait for a database or JobNimbus. Every connection has
// deadlines (headers in full, a minimum body rate, idle keep-alive) and the parser enforces the
// limits (header bytes and count, body bytes per route, chunked included), so a slow or hostile
// client costs a socket and a few KiB, never a thread.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "net/message.h"
#include "net/route_table.h"

namespace gep::net {

struct ServerLimits {
  int io_threads = 2;
  int worker_threads = 16;
  size_t max_queued_requests = 4096;  // past this, 503 without running the handler
  uint32_t max_header_bytes = 16 * 1024;
  size_t max_header_count = 100;
  int64_t max_body_bytes = 1024 * 1024;  // unless body_limit says otherwise for the route
  std::chrono::milliseconds header_timeout{10'000};  // the whole header, however it trickles
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive, between requests
  std::chrono::milliseconds body_grace{10'000};      // then at least min_body_rate
  int64_t min_body_bytes_per_second = 16 * 1024;
  std::chrono::milliseconds write_timeout{30'000};
  size_t max_connections = 10'000;
  size_t max_connections_per_client = 1'000;
  size_t keep_alive_max_requests = 10'000;
  std::chrono::milliseconds drain_timeout{10'000};  // stop(): in-flight requests may finish
};

struct ServerHooks {
  Handler handler;  // answers every request whose head and body were accepted
  // The body limit of a request, from its head (method, path, route, headers); unset: the
  // limits' max_body_bytes.
  std::function<int64_t(const Request& head)> body_limit;
  // Fills an answer the server gives on its own (400, 408, 411, 413, 431, 503).
  std::function<void(int status, const std::string& message, Response& response)> error;
  // After each answer, on the thread that produced it; `milliseconds` from the complete request.
  std::function<void(const Request&, const Response&, double milliseconds)> log;
};

class Server {
 public:
  Server(ServerLimits limits, ServerHooks hooks);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; answers the port bound (0 picks a free one).
  Result<uint16_t> bind(const std::string& host, uint16_t port);
  // Serves until stop() and the drain are over. Call once, after bind().
  void run();
  // Stops accepting, closes idle connections, lets in-flight requests finish (up to the drain
  // timeout). Safe from any thread, and more than once.
  void stop();
  bool is_running() const { return running_.load(); }
  size_t open_connections() const;

  struct State;  // shared with the connections

 private:
  std::shared_ptr<State> state_;
  std::atomic<bool> running_{false};
};

// Raises this process's open-file limit to its hard limit (each connection is one descriptor);
// answers the soft limit now in force.
uint64_t raise_open_file_limit();

}  // namespace gep::net

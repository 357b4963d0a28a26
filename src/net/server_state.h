#pragma once
// Internals shared by the server, its acceptor and its connections (server.cpp, session.cpp).
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "net/server.h"
#include "net/worker_pool.h"

namespace gep::net {

class Session;

// One io_context per io thread, each run by that thread alone: a connection lives on one of
// them, so its handlers never run concurrently without a strand (a strand per connection and
// one shared io_context cost a fifth of /health's throughput in locking and type-erased
// executors). The first also runs the acceptor and the stop sequence.
struct Server::State {
  using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

  State(ServerLimits server_limits, ServerHooks server_hooks)
      : limits(server_limits),
        hooks(std::move(server_hooks)),
        ios(make_ios(limits.io_threads)),
        io(*ios.front()),
        workers(static_cast<size_t>(std::max(1, limits.worker_threads))),
        acceptor(io) {}

  static std::vector<std::unique_ptr<boost::asio::io_context>> make_ios(int threads) {
    std::vector<std::unique_ptr<boost::asio::io_context>> made;
    for (int i = 0; i < std::max(1, threads); ++i) {
      made.push_back(std::make_unique<boost::asio::io_context>(1));
    }
    return made;
  }

  // The io_context of the next accepted connection (round robin).
  boost::asio::io_context& next_io() { return *ios[next_connection++ % ios.size()]; }

  ServerLimits limits;
  ServerHooks hooks;
  std::vector<std::unique_ptr<boost::asio::io_context>> ios;
  boost::asio::io_context& io;
  // Keep the io_contexts that have no connection yet running until the server has drained.
  std::vector<WorkGuard> keep_running;
  size_t next_connection = 0;  // touched by the acceptor's handler only
  WorkerPool workers;
  boost::asio::ip::tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  std::atomic<size_t> queued{0};

  // Open connections, in total and per client address, and who they are (to close the idle
  // ones on stop).
  std::mutex mutex;
  size_t open = 0;
  std::map<std::string, size_t> per_client;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;

  // Counts a new connection from `client`, or refuses it past a cap.
  bool admit(const std::string& client);
  void release(Session* session, const std::string& client);
  void track(Session* session, std::weak_ptr<Session> handle);

  void answer_error(int status, const std::string& message, Response& response) const;
};

// Starts serving one accepted connection.
void start_session(const std::shared_ptr<Server::State>& state, boost::asio::ip::tcp::socket socket,
                   std::string client);
// Closes the connection if it is between requests (stop()).
void close_if_idle(const std::shared_ptr<Session>& session);

}  // namespace gep::net

#pragma once
// Internals shared by the server, its acceptor and its connections (server.cpp, session.cpp).
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "net/server.h"
#include "net/worker_pool.h"

namespace gep::net {

class Session;

struct Server::State {
  State(ServerLimits server_limits, ServerHooks server_hooks)
      : limits(server_limits),
        hooks(std::move(server_hooks)),
        workers(static_cast<size_t>(std::max(1, limits.worker_threads))),
        acceptor(io) {}

  ServerLimits limits;
  ServerHooks hooks;
  boost::asio::io_context io;
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

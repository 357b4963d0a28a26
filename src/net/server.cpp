#include "net/server.h"

#include <sys/resource.h>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <thread>
#include <vector>

#include "net/server_state.h"

namespace gep::net {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kBusy =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
    "80\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
    "{\"error\":{\"code\":\"service_unavailable\",\"message\":\"too many open connections\"}}";

// Past a connection cap: one fixed answer, then close (no request is read).
void refuse(tcp::socket socket) {
  auto held = std::make_shared<tcp::socket>(std::move(socket));
  asio::async_write(*held, asio::buffer(kBusy.data(), kBusy.size()),
                    [held](const boost::system::error_code&, size_t) {
                      boost::system::error_code ignored;
                      held->shutdown(tcp::socket::shutdown_both, ignored);
                      held->close(ignored);
                    });
}

void accept_next(const std::shared_ptr<Server::State>& state) {
  state->acceptor.async_accept(state->next_io(), [state](const boost::system::error_code& error,
                                                         tcp::socket socket) {
    if (error) {
      if (!state->acceptor.is_open() || state->stopping) return;
      // EMFILE and the like: try again shortly instead of spinning.
      auto timer = std::make_shared<asio::steady_timer>(state->io, std::chrono::milliseconds(50));
      timer->async_wait([state, timer](const boost::system::error_code&) { accept_next(state); });
      return;
    }
    boost::system::error_code ignored;
    const auto peer = socket.remote_endpoint(ignored);
    std::string client = ignored ? std::string() : peer.address().to_string();
    if (state->admit(client)) {
      start_session(state, std::move(socket), std::move(client));
    } else {
      refuse(std::move(socket));
    }
    accept_next(state);
  });
}

// Polls until the last connection has closed, then lets io run out of work.
void wait_for_drain(const std::shared_ptr<Server::State>& state,
                    const std::shared_ptr<asio::steady_timer>& deadline) {
  {
    const std::lock_guard lock(state->mutex);
    if (state->open == 0) {
      deadline->cancel();
      for (auto& guard : state->keep_running) guard.reset();
      return;
    }
  }
  auto poll = std::make_shared<asio::steady_timer>(state->io, std::chrono::milliseconds(20));
  poll->async_wait([state, deadline, poll](const boost::system::error_code&) {
    wait_for_drain(state, deadline);
  });
}

}  // namespace

bool Server::State::admit(const std::string& client) {
  const std::lock_guard lock(mutex);
  size_t& from_client = per_client[client];
  if (stopping || open >= limits.max_connections ||
      from_client >= limits.max_connections_per_client) {
    if (from_client == 0) per_client.erase(client);
    return false;
  }
  ++open;
  ++from_client;
  return true;
}

void Server::State::track(Session* session, std::weak_ptr<Session> handle) {
  const std::lock_guard lock(mutex);
  sessions.emplace(session, std::move(handle));
}

void Server::State::release(Session* session, const std::string& client) {
  const std::lock_guard lock(mutex);
  sessions.erase(session);
  --open;
  const auto found = per_client.find(client);
  if (found != per_client.end() && --found->second == 0) per_client.erase(found);
}

void Server::State::answer_error(int status, const std::string& message, Response& response) const {
  response.status = status;
  if (hooks.error) return hooks.error(status, message, response);
  response.set_content("{\"error\":{\"code\":\"http_" + std::to_string(status) +
                           "\",\"message\":\"" + message + "\"}}",
                       "application/json");
}

Server::Server(ServerLimits limits, ServerHooks hooks)
    : state_(std::make_shared<State>(limits, std::move(hooks))) {}

Server::~Server() {
  stop();
  state_->workers.join();
}

Result<uint16_t> Server::bind(const std::string& host, uint16_t port) {
  boost::system::error_code error;
  const auto address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, error);
  if (error) return fail("bind_failed", "not an address: " + host);
  const tcp::endpoint endpoint(address, port);
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    return fail("bind_failed", "could not bind " + host + ":" + std::to_string(port) + " (" +
                                   error.message() + ")");
  }
  return acceptor.local_endpoint().port();
}

void Server::run() {
  if (!state_->acceptor.is_open()) return;
  running_ = true;
  for (auto& io : state_->ios) state_->keep_running.emplace_back(io->get_executor());
  accept_next(state_);
  std::vector<std::thread> extra;
  for (size_t i = 1; i < state_->ios.size(); ++i) {
    extra.emplace_back([this, i] { state_->ios[i]->run(); });
  }
  state_->io.run();
  for (auto& thread : extra) thread.join();
  running_ = false;
}

void Server::stop() {
  auto state = state_;
  if (state->stopping.exchange(true)) return;
  asio::post(state->io, [state] {
    boost::system::error_code ignored;
    state->acceptor.close(ignored);
    std::vector<std::shared_ptr<Session>> open_sessions;
    {
      const std::lock_guard lock(state->mutex);
      for (auto& [raw, handle] : state->sessions) {
        if (auto session = handle.lock()) open_sessions.push_back(std::move(session));
      }
    }
    for (const auto& session : open_sessions) close_if_idle(session);
    // In-flight requests have until the drain timeout; then whatever is left is cut.
    auto deadline = std::make_shared<asio::steady_timer>(state->io, state->limits.drain_timeout);
    deadline->async_wait([state](const boost::system::error_code& error) {
      if (error != asio::error::operation_aborted) {
        for (auto& io : state->ios) io->stop();
      }
    });
    wait_for_drain(state, deadline);
  });
}

uint64_t raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    (void)setrlimit(RLIMIT_NOFILE, &limit);
    (void)getrlimit(RLIMIT_NOFILE, &limit);
  }
  return static_cast<uint64_t>(limit.rlim_cur);
}

size_t Server::open_connections() const {
  const std::lock_guard lock(state_->mutex);
  return state_->open;
}

}  // namespace gep::net

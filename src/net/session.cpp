// One connection: read a request under deadlines and limits, hand it to the worker pool, write
// the answer, and go on with the next (keep-alive; pipelined requests wait in the buffer).
#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <limits>
#include <optional>

#include "net/server_state.h"

namespace gep::net {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// Methods whose requests carry a payload: without a length, a client (curl -X POST) most likely
// meant to send one, so it hears 411 at once. A DELETE without a length has no body (RFC 9112).
bool has_body_method(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

std::string text_of(beast::string_view view) {
  return {view.data(), view.size()};
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<Server::State> state, tcp::socket socket, std::string client)
      : state_(std::move(state)), stream_(std::move(socket)), client_(std::move(client)) {}
  ~Session() { state_->release(this, client_); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start() {
    state_->track(this, weak_from_this());
    boost::system::error_code ignored;
    stream_.socket().set_option(tcp::no_delay(true), ignored);
    wait_for_request();
  }

  boost::asio::any_io_executor stream_executor() { return stream_.get_executor(); }

  // Between requests (or before the first byte of the first one) a stop closes the connection.
  void close_if_idle() {
    if (phase_ == Phase::idle || phase_ == Phase::header) close();
  }

 private:
  enum class Phase { idle, header, body, handling, writing, closed };
  const ServerLimits& limits() const { return state_->limits; }

  void wait_for_request() {
    if (state_->stopping) return close();
    request_ = Request{};
    parser_.emplace();
    parser_->header_limit(limits().max_header_bytes);
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    if (buffer_.size() > 0 || served_ == 0) return read_header();
    // Keep-alive: the idle timeout runs until the next request's first byte.
    phase_ = Phase::idle;
    stream_.expires_after(limits().idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code error, size_t bytes) {
                              if (error) return self->close();
                              self->buffer_.commit(bytes);
                              self->read_header();
                            });
  }

  void read_header() {
    phase_ = Phase::header;
    stream_.expires_after(limits().header_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code error, size_t) { self->on_header(error); });
  }

  void on_header(beast::error_code error) {
    if (error == bhttp::error::header_limit) return refuse(431, "request headers are too large");
    if (error == bhttp::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::operation_aborted || error == asio::error::connection_reset ||
        error == asio::error::eof) {
      return close();
    }
    if (error) return refuse(400, "malformed request: " + error.message());
    const auto& head = parser_->get();
    if (static_cast<size_t>(std::distance(head.begin(), head.end())) > limits().max_header_count) {
      return refuse(431, "too many request headers");
    }
    request_ = Request{};
    request_.method = text_of(head.method_string());
    request_.target = text_of(head.target());
    request_.remote_addr = client_;
    for (const auto& field : head) {
      request_.headers.emplace(text_of(field.name_string()), text_of(field.value()));
    }
    const bool has_length = head.find(bhttp::field::content_length) != head.end();
    const bool has_encoding = head.find(bhttp::field::transfer_encoding) != head.end();
    if (has_length && has_encoding) {
      return refuse(400, "Content-Length and Transfer-Encoding together are not allowed");
    }
    if (has_encoding && !parser_->chunked()) {
      return refuse(400, "only Transfer-Encoding: chunked is accepted");
    }
    for (const auto& [name, value] : request_.headers) {
      if (value.find('\0') != std::string::npos) return refuse(400, "NUL in a header value");
    }
    decode_target(request_);
    if (has_body_method(request_.method) && !has_length && !has_encoding) {
      return refuse(411, "send a Content-Length header (0 for an empty body, e.g. curl -d '')");
    }
    body_limit_ =
        state_->hooks.body_limit ? state_->hooks.body_limit(request_) : limits().max_body_bytes;
    const auto length = parser_->content_length();
    if (length && *length > static_cast<uint64_t>(body_limit_)) {
      return refuse(
          413, "request body is larger than the limit (" + std::to_string(body_limit_) + " bytes)");
    }
    parser_->body_limit(static_cast<uint64_t>(body_limit_));
    if (parser_->is_done()) return dispatch();
    const auto expect = head.find(bhttp::field::expect);
    if (expect != head.end() && beast::iequals(expect->value(), "100-continue")) {
      return send_continue();
    }
    start_body();
  }

  void send_continue() {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    stream_.expires_after(limits().write_timeout);
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this()](beast::error_code error, size_t) {
                        if (error) return self->close();
                        self->start_body();
                      });
  }

  void start_body() {
    phase_ = Phase::body;
    body_started_ = Clock::now();
    body_received_ = 0;
    read_body();
  }

  // The body may take the grace period plus its size at the minimum rate: a client that stalls
  // or trickles is cut at its deadline however the bytes are spread.
  void read_body() {
    const auto allowance = std::chrono::milliseconds(
        body_received_ * 1000 / std::max<int64_t>(1, limits().min_body_bytes_per_second));
    stream_.expires_at(body_started_ + limits().body_grace + allowance);
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code error, size_t bytes) {
                             self->on_body(error, bytes);
                           });
  }

  void on_body(beast::error_code error, size_t bytes) {
    body_received_ += static_cast<int64_t>(bytes);
    if (error == bhttp::error::body_limit) {
      return refuse(
          413, "request body is larger than the limit (" + std::to_string(body_limit_) + " bytes)");
    }
    if (error == beast::error::timeout) return refuse(408, "the request body came too slowly");
    if (error) return close();
    if (!parser_->is_done()) return read_body();
    dispatch();
  }

  void dispatch() {
    phase_ = Phase::handling;
    stream_.expires_never();
    request_.body = parser_->release().body();
    if (request_.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) ==
        0) {
      parse_query(request_.body, request_.params);
    }
    keep_alive_ = parser_->keep_alive();
    ++served_;
    if (state_->queued.fetch_add(1) >= limits().max_queued_requests) {
      state_->queued.fetch_sub(1);
      Response busy;
      state_->answer_error(503, "the server is busy; try again shortly", busy);
      busy.set_header("Retry-After", "1");
      return write(std::move(busy));
    }
    state_->workers.post([self = shared_from_this()] { self->handle(); });
  }

  // On a worker thread.
  void handle() {
    const auto started = Clock::now();
    Response response;
    if (state_->hooks.handler) state_->hooks.handler(request_, response);
    state_->queued.fetch_sub(1);
    if (state_->hooks.log) {
      state_->hooks.log(request_, response,
                        std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    asio::post(stream_.get_executor(),
               [self = shared_from_this(), answer = std::move(response)]() mutable {
                 self->write(std::move(answer));
               });
  }

  // An answer the server gives on its own; the connection closes after it (its body, if any,
  // was not read).
  void refuse(int status, const std::string& message) {
    keep_alive_ = false;
    linger_ = true;
    Response response;
    state_->answer_error(status, message, response);
    if (state_->hooks.log) {
      Request seen = request_;
      if (seen.method.empty()) seen.method = "-";
      state_->hooks.log(seen, response, 0.0);
    }
    write(std::move(response));
  }

  // Every answer is sent from a shared string through a span body: a cached answer's bytes are
  // shared with the cache (no copy per hit), any other body is moved into one. The message and
  // the string live until the write completes.
  using Message = bhttp::response<bhttp::span_body<const char>>;

  void write(Response response) {
    phase_ = Phase::writing;
    if (response.fault.kind == WireFault::Kind::drop) return close();
    const bool keep =
        keep_alive_ && !state_->stopping && served_ < limits().keep_alive_max_requests;
    auto body = response.shared_body
                    ? std::move(response.shared_body)
                    : std::make_shared<const std::string>(std::move(response.body));
    auto message = std::make_shared<Message>();
    message->result(static_cast<unsigned>(response.status));
    message->version(11);
    for (const auto& [name, value] : response.headers) message->insert(name, value);
    message->body() = {body->data(), body->size()};
    message->keep_alive(keep);
    message->prepare_payload();
    stream_.expires_after(limits().write_timeout);
    if (response.fault.kind == WireFault::Kind::truncate) {
      return write_truncated(message, std::move(body), response.fault.keep);
    }
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, body = std::move(body), keep](
                           beast::error_code error, size_t) {
                         if (error) return self->close();
                         if (!keep) return self->linger_ ? self->linger_close() : self->close();
                         self->wait_for_request();
                       });
  }

  // The headers as promised, then only `keep` bytes of the body, then close.
  void write_truncated(const std::shared_ptr<Message>& message,
                       std::shared_ptr<const std::string> body, size_t keep) {
    auto serializer =
        std::make_shared<bhttp::response_serializer<bhttp::span_body<const char>>>(*message);
    bhttp::async_write_header(
        stream_, *serializer,
        [self = shared_from_this(), message, serializer, body = std::move(body), keep](
            beast::error_code error, size_t) {
          if (error) return self->close();
          asio::async_write(self->stream_, asio::buffer(body->data(), std::min(keep, body->size())),
                            [self, message, body](beast::error_code, size_t) { self->close(); });
        });
  }

  // After refusing a request whose bytes may still be arriving: stop sending, read and drop
  // what comes for a moment, then close. Closing at once would reset the connection, and the
  // client might never read the answer.
  void linger_close() {
    if (!discard_) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      discard_ = std::make_shared<std::array<char, 16 * 1024>>();
      stream_.expires_after(std::chrono::seconds(2));  // in all, however the bytes come
    }
    stream_.async_read_some(asio::buffer(*discard_),
                            [self = shared_from_this()](beast::error_code error, size_t) {
                              if (error) return self->close();
                              self->linger_close();
                            });
  }

  void close() {
    if (phase_ == Phase::closed) return;
    phase_ = Phase::closed;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  std::shared_ptr<Server::State> state_;
  beast::tcp_stream stream_;
  std::string client_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request request_;
  Phase phase_ = Phase::idle;
  bool keep_alive_ = true;
  bool linger_ = false;
  std::shared_ptr<std::array<char, 16 * 1024>> discard_;
  size_t served_ = 0;
  int64_t body_limit_ = 0;
  Clock::time_point body_started_;
  int64_t body_received_ = 0;
};

void start_session(const std::shared_ptr<Server::State>& state, tcp::socket socket,
                   std::string client) {
  std::make_shared<Session>(state, std::move(socket), std::move(client))->start();
}

void close_if_idle(const std::shared_ptr<Session>& session) {
  asio::post(session->stream_executor(), [session] { session->close_if_idle(); });
}

}  // namespace gep::net

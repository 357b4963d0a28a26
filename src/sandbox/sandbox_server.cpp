#include "sandbox/sandbox_server.h"

#include <chrono>
#include <filesystem>

#include "core/secrets.h"
#include "sandbox/routes.h"

namespace gep::sandbox {

SandboxServer::SandboxServer(SandboxOptions options)
    : options_(std::move(options)),
      clock_(options_.clock != nullptr ? *options_.clock : static_cast<Clock&>(system_clock_)),
      state_(std::make_unique<SandboxState>(clock_, options_.seed)),
      traffic_(std::make_unique<Traffic>(
          clock_,
          TrafficSettings{options_.rate_limit, options_.fault_rate, options_.latency_ms,
                          options_.retry_after, options_.string_ranges, options_.string_sort},
          options_.seed)) {}

SandboxServer::~SandboxServer() {
  stop();
}

std::string SandboxServer::root_url() const {
  const bool any = options_.host == "0.0.0.0" || options_.host == "::";
  const std::string host = any ? "127.0.0.1" : options_.host;
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port_);
}

std::string SandboxServer::base_url() const {
  return root_url() + "/api1";
}

Status SandboxServer::start() {
  if (running_) return {};
  if (auto valid = validate(options_); !valid) return valid;
  const auto started = std::chrono::steady_clock::now();
  if (!options_.state_file.empty() && std::filesystem::exists(options_.state_file)) {
    if (auto loaded = state_->load(options_.state_file); !loaded) return loaded;
  } else {
    GenerationSpec spec;
    spec.jobs = options_.jobs;
    spec.contacts = options_.contacts;
    spec.photos_per_job = options_.photos_per_job;
    spec.docs_per_job = options_.docs_per_job;
    spec.seed = options_.seed;
    spec.status_history = options_.status_history;
    spec.crowded_seconds = options_.crowded_seconds;
    spec.anchor = options_.anchor_time != 0 ? options_.anchor_time
                                            : to_unix_seconds(clock_.now()) / 3600 * 3600;
    state_->generate(spec);
  }
  generation_seconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  context_ = std::make_unique<RouteContext>(
      RouteContext{*state_, *traffic_, clock_, options_.api_key, random_hex(32),
                   options_.signed_url_ttl_seconds, "", options_.state_file});
  install_api_routes(routes_, *context_);
  install_control_routes(routes_, *context_);
  server_ = std::make_unique<net::Server>(server_limits(options_), server_hooks());
  const auto bound = server_->bind(options_.host, options_.port);
  if (!bound) return fail(bound.error());
  port_ = *bound;
  context_->fallback_origin = root_url();
  thread_ = std::thread([this] { server_->run(); });
  running_ = true;
  return {};
}

net::ServerLimits SandboxServer::server_limits(const SandboxOptions& options) {
  net::ServerLimits limits;
  limits.worker_threads = options.threads;
  limits.max_body_bytes = 64 * 1024 * 1024;
  limits.keep_alive_max_requests = 100'000;
  // Benchmarks and tests open many connections from one address: the sandbox is local.
  limits.max_connections_per_client = limits.max_connections;
  return limits;
}

net::ServerHooks SandboxServer::server_hooks() {
  net::ServerHooks hooks;
  hooks.handler = [this](net::Request& request, net::Response& response) {
    if (!routes_.dispatch(request, response)) {
      send_message(response, 404, "no route for " + request.method + " " + request.path);
    }
  };
  hooks.error = [](int status, const std::string& message, net::Response& response) {
    send_message(response, status, message);
  };
  hooks.log = [this](const net::Request& request, const net::Response& response, double) {
    if (request.path.rfind("/api1/", 0) == 0) traffic_->count_status(response.status);
  };
  return hooks;
}

void SandboxServer::stop() {
  if (!running_) return;
  running_ = false;
  server_->stop();
  if (thread_.joinable()) thread_.join();
  if (!options_.state_file.empty()) (void)save();
}

Status SandboxServer::save() const {
  if (options_.state_file.empty()) return {};
  return state_->save(options_.state_file);
}

}  // namespace gep::sandbox

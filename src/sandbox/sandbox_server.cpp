#include "sandbox/sandbox_server.h"

#include <chrono>
#include <filesystem>

#include "core/secrets.h"
#include "sandbox/fault_server.h"
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

  server_ = std::make_unique<FaultServer>();
  const auto threads = static_cast<size_t>(options_.threads);
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(100000);
  server_->set_keep_alive_timeout(30);
  server_->set_read_timeout(30, 0);
  server_->set_write_timeout(30, 0);
  server_->set_payload_max_length(64u * 1024u * 1024u);

  if (options_.port == 0) {
    const int bound = server_->bind_to_any_port(options_.host);
    if (bound <= 0) return fail("bind_failed", "could not bind " + options_.host + " to any port");
    port_ = static_cast<uint16_t>(bound);
  } else {
    if (!server_->bind_to_port(options_.host, options_.port)) {
      return fail("bind_failed", "could not bind " + options_.host + ":" +
                                     std::to_string(options_.port) + " (in use, or not permitted)");
    }
    port_ = options_.port;
  }
  context_ = std::make_unique<RouteContext>(
      RouteContext{*state_, *traffic_, clock_, options_.api_key, random_hex(32),
                   options_.signed_url_ttl_seconds, root_url(), options_.state_file});
  install_api_routes(*server_, *context_);
  install_control_routes(*server_, *context_);
  server_->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    if (request.path.rfind("/api1/", 0) == 0) traffic_->count_status(response.status);
  });
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // listen_after_bind() is accepting once is_running() says so.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  running_ = true;
  return {};
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

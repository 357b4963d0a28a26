#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "app/application.h"
#include "app/commands/commands.h"
#include "core/logging.h"

namespace gep::app {
namespace {

// Blocks SIGINT/SIGTERM in every thread (call before any thread starts) so that one waiter
// thread receives them with sigwait and can stop the server outside signal-handler context.
sigset_t block_shutdown_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int serve() {
  const sigset_t signals = block_shutdown_signals();
  const Config config = Config::load_from_process();
  log::init(config.log_level, config.log_format);
  for (const auto& name : config.generated_secrets) {
    log::warn("{} is not set; generated a random one for this process (set it in .env to keep it)",
              name);
  }
  Application application(config);
  if (const auto started = application.start(); !started) {
    std::fprintf(stderr, "gep: %s: %s\n", started.error().code.c_str(),
                 started.error().message.c_str());
    return 1;
  }
  log::info("gep serve listening on http://{}:{} ({})", config.host, application.port(),
            config.is_production() ? "production" : "development");

  std::atomic<bool> finished{false};
  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    if (finished) return;
    log::info("received {}, finishing in-flight requests",
              received == SIGINT ? "SIGINT" : "SIGTERM");
    // stop() is ignored until the listener runs; repeat until run() has returned.
    while (!finished) {
      application.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  application.run();
  finished = true;
  pthread_kill(signal_waiter.native_handle(), SIGTERM);  // wakes the waiter if run() ended alone
  signal_waiter.join();
  log::info("gep serve stopped");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& root, CommandRunner& run) {
  auto* command = root.add_subcommand(
      "serve",
      "Migrate the database, then serve the API, dashboard and panels on PORT until SIGTERM.");
  command->callback([&run] { run = serve; });
}

}  // namespace gep::app

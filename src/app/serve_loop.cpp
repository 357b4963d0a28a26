#include "app/serve_loop.h"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "app/application.h"
#include "core/logging.h"
#include "net/server.h"

namespace gep::app {

sigset_t block_shutdown_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int serve_until_signal(const Config& config, const sigset_t& signals) {
  for (const auto& name : config.generated_secrets) {
    log::warn("{} is not set; generated a random one for this process (set it in .env to keep it)",
              name);
  }
  const uint64_t open_files = net::raise_open_file_limit();
  if (open_files < 4096) {
    log::warn("the open-file limit is {}: at most that many connections can be open", open_files);
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

}  // namespace gep::app

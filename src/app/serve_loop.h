#pragma once
// Runs the application until SIGINT/SIGTERM, then lets requests in flight finish. Shared by
// `gep serve` and `gep demo`.
#include <signal.h>

#include "core/config.h"

namespace gep::app {

// Blocks SIGINT/SIGTERM in every thread; call before any thread starts, so that one waiter thread
// receives them with sigwait and stops the server outside signal-handler context.
sigset_t block_shutdown_signals();

// Builds the Application from `config`, serves, and returns the process exit code.
int serve_until_signal(const Config& config, const sigset_t& signals);

}  // namespace gep::app

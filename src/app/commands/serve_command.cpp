#include "app/commands/commands.h"
#include "app/config_check.h"
#include "app/serve_loop.h"
#include "core/logging.h"

namespace gep::app {

void add_serve_command(CLI::App& root, CommandRunner& run) {
  auto* command = root.add_subcommand(
      "serve",
      "Migrate the database, then serve the HTTP API on PORT; SIGTERM lets in-flight requests "
      "finish, then exits.");
  command->callback([&run] {
    run = [] {
      const sigset_t signals = block_shutdown_signals();
      const Config config = load_checked_config();
      log::init(config.log_level, config.log_format);
      return serve_until_signal(config, signals);
    };
  });
}

}  // namespace gep::app

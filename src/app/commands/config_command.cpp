#include <cstdio>
#include <iostream>
#include <memory>

#include "app/commands/commands.h"
#include "app/config_check.h"
#include "core/config.h"
#include "core/env_file.h"

extern char** environ;

namespace gep::app {

void add_config_command(CLI::App& root, CommandRunner& run) {
  auto* command = root.add_subcommand(
      "config",
      "Print the effective configuration (secrets redacted) and check it; exit 2 if invalid.");
  auto markdown = std::make_shared<bool>(false);
  command->add_flag("--markdown", *markdown,
                    "Print the documentation table of every variable instead");
  command->callback([&run, markdown] {
    run = [markdown] {
      if (*markdown) {
        std::cout << config_markdown_table();
        return 0;
      }
      const Config config = load_checked_config();
      const char* override_path = std::getenv("GEP_ENV_FILE");
      const auto file_values = read_env_file(override_path != nullptr ? override_path : ".env");
      const EnvMap environment = merge_environment(file_values.value_or({}), environ);
      for (const auto& entry : describe(config, environment)) {
        std::cout << entry.name << "=" << entry.value << "\n";
      }
      return 0;
    };
  });
}

}  // namespace gep::app

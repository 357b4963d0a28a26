#pragma once
#include "app/command.h"

namespace gep::app {

void add_config_command(CLI::App& root, CommandRunner& run);
void add_migrate_command(CLI::App& root, CommandRunner& run);
void add_serve_command(CLI::App& root, CommandRunner& run);
void add_jobnimbus_command(CLI::App& root, CommandRunner& run);
void add_sync_command(CLI::App& root, CommandRunner& run);
void add_seed_command(CLI::App& root, CommandRunner& run);
void add_demo_command(CLI::App& root, CommandRunner& run);
void add_sandbox_command(CLI::App& root, CommandRunner& run);
void add_portal_command(CLI::App& root, CommandRunner& run);
void add_user_command(CLI::App& root, CommandRunner& run);

}  // namespace gep::app

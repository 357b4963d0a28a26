#pragma once
// The configuration every command runs with: Config::load checks each variable of the table,
// and here each module parses the settings it derives from them (QC requirements, risk, the
// stage map, the portal's views). A bad value throws ConfigError (the CLI exits 2) before any
// file, database or connection is opened.
#include "core/config.h"

namespace gep::app {

// Config::load_from_process(), then check_module_settings.
Config load_checked_config();
// Throws ConfigError naming the variable when a module refuses its settings.
const Config& check_module_settings(const Config& config);

}  // namespace gep::app

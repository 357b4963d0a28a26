#pragma once
// Every `gep` subcommand lives in commands/<name>_command.cpp and exposes one add_* function that
// declares its CLI11 options and, when selected, stores the code to run in `run`.
// Exit codes: 0 success, 1 the operation failed, 2 bad configuration or usage.
#include <CLI/CLI.hpp>
#include <functional>

namespace gep::app {

using CommandRunner = std::function<int()>;

}  // namespace gep::app

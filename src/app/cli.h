#pragma once

namespace gep::app {

// Parses the command line, runs the selected subcommand and returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace gep::app

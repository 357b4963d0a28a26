#pragma once
// Reads a dotenv file: KEY=VALUE lines, '#' comments, optional "export ", single or double quotes.
#include <map>
#include <string>

#include "core/result.h"

namespace gep {

using EnvMap = std::map<std::string, std::string>;

// A missing file is not an error (the file is optional); a malformed line is.
Result<EnvMap> read_env_file(const std::string& path);

// The process environment overlaid on the file's values: real variables win.
EnvMap merge_environment(const EnvMap& file_values, char** environ_block);

}  // namespace gep

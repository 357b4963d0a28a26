#pragma once
// Inside core only: the table of every configuration variable (config_variables.cpp), which
// config.cpp reads to load, describe and document the configuration.
#include <functional>
#include <string>
#include <vector>

#include "core/config.h"

namespace gep::config_detail {

using Apply = std::function<void(Config&, const std::string& value)>;

struct Variable {
  const char* name;
  const char* default_value;
  const char* description;
  bool secret;
  Apply apply;  // parses and validates the value into Config; throws ConfigError
};

// In the order `gep config` and the README list them.
const std::vector<Variable>& variables();

}  // namespace gep::config_detail

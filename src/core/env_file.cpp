#include "core/env_file.h"

#include <cctype>
#include <fstream>

namespace gep {
namespace {

std::string trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

bool valid_key(const std::string& key) {
  if (key.empty()) return false;
  for (const char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

}  // namespace

Result<EnvMap> read_env_file(const std::string& path) {
  std::ifstream in(path);
  EnvMap values;
  if (!in) return values;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    if (text.rfind("export ", 0) == 0) text = trim(text.substr(7));
    const size_t equals = text.find('=');
    const std::string key = equals == std::string::npos ? "" : trim(text.substr(0, equals));
    if (!valid_key(key)) {
      return fail("invalid_env_file", path + ":" + std::to_string(number) + ": expected KEY=VALUE");
    }
    std::string value = trim(text.substr(equals + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    } else if (const size_t comment = value.find(" #"); comment != std::string::npos) {
      value = trim(value.substr(0, comment));
    }
    values[key] = value;
  }
  return values;
}

EnvMap merge_environment(const EnvMap& file_values, char** environ_block) {
  EnvMap merged = file_values;
  for (char** entry = environ_block; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const size_t equals = text.find('=');
    if (equals == std::string::npos) continue;
    merged[text.substr(0, equals)] = text.substr(equals + 1);
  }
  return merged;
}

}  // namespace gep

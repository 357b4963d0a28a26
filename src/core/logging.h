#pragma once
// One logging facade over spdlog. Lines go to stderr (stdout is for command output), in text or
// JSON, with every registered secret scrubbed (see SecretRegistry).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "core/config.h"

namespace gep::log {

enum class Level { trace, debug, info, warn, error };

void init(const std::string& level, LogFormat format);
bool enabled(Level level);
void write(Level level, std::string_view message);
// Returns once every line logged before it has been written (lines below warn leave from a
// writer thread, see core/log_sink.h).
void flush();
// `text` with control characters as \xNN and backslashes doubled: what a client sent (a path,
// a method) can be logged without starting a line or writing a byte of its own.
std::string printable(std::string_view text);

template <class... Args>
void trace(fmt::format_string<Args...> format, Args&&... args) {
  if (enabled(Level::trace)) write(Level::trace, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void debug(fmt::format_string<Args...> format, Args&&... args) {
  if (enabled(Level::debug)) write(Level::debug, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void info(fmt::format_string<Args...> format, Args&&... args) {
  if (enabled(Level::info)) write(Level::info, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void warn(fmt::format_string<Args...> format, Args&&... args) {
  if (enabled(Level::warn)) write(Level::warn, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void error(fmt::format_string<Args...> format, Args&&... args) {
  if (enabled(Level::error)) write(Level::error, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace gep::log

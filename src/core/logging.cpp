#include "core/logging.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "core/log_sink.h"
#include "core/secrets.h"

namespace gep::log {
namespace {

std::atomic<LogFormat> current_format{LogFormat::text};

std::shared_ptr<spdlog::logger> make_logger() {
  auto logger =
      std::make_shared<spdlog::logger>("gep", std::make_shared<CoalescingFdSink>(STDERR_FILENO));
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %-5l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::info);
  return logger;
}

spdlog::logger& logger() {
  static const auto instance = make_logger();
  return *instance;
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::trace:
      return spdlog::level::trace;
    case Level::debug:
      return spdlog::level::debug;
    case Level::info:
      return spdlog::level::info;
    case Level::warn:
      return spdlog::level::warn;
    case Level::error:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

}  // namespace

void init(const std::string& level, LogFormat format) {
  current_format = format;
  if (format == LogFormat::json) {
    logger().set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":%v})",
                         spdlog::pattern_time_type::utc);
  } else {
    logger().set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %-5l %v", spdlog::pattern_time_type::utc);
  }
  logger().set_level(spdlog::level::from_str(level == "warn" ? "warning" : level));
}

bool enabled(Level level) {
  return logger().should_log(to_spdlog(level));
}

std::string printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0f]);
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void write(Level level, std::string_view message) {
  // One message is one line, whatever a caller passed in (a request path, an upstream error).
  std::string line = SecretRegistry::scrub(std::string(message));
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\0') c = ' ';
  }
  if (current_format == LogFormat::json) line = nlohmann::json(line).dump();
  logger().log(to_spdlog(level), line);
}

void flush() {
  logger().flush();
}

}  // namespace gep::log

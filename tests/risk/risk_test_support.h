#pragma once
// Shared builders for the risk tests.
#include <stdexcept>
#include <string>

#include "risk/engine.h"

namespace gep::risk::testing {

inline constexpr int64_t kHour = 3'600;
inline constexpr int64_t kDay = 24 * kHour;
inline constexpr int64_t kNow = 1'718'452'800;  // 2024-06-15T12:00:00Z

inline RiskEngine make_engine(RiskConfig config = {}) {
  auto engine = RiskEngine::create(std::move(config));
  if (!engine.ok()) throw std::runtime_error(engine.error().message);
  return std::move(engine).value();
}

inline RiskEngine make_engine_in(const char* zone) {
  RiskConfig config;
  config.time_zone = zone;
  return make_engine(std::move(config));
}

// A fresh, open job with nothing wrong: updated and moved just now, at a stage needing nothing.
inline RiskJobInput quiet_job(std::string status = "Lead") {
  RiskJobInput job;
  job.job_id = "job-1";
  job.jobnimbus_id = "3pg";
  job.job_number = "1001";
  job.job_name = "Kent solar";
  job.customer_name = "Clark Kent";
  job.status_name = std::move(status);
  job.job_type_name = "Residential Solar";
  job.date_status_change = kNow;
  job.date_updated = kNow;
  return job;
}

inline RiskFile document(std::string filename, std::string caption = {},
                         std::string type_name = "Document", int type = 1) {
  return {type, std::move(type_name), std::move(filename), std::move(caption)};
}

}  // namespace gep::risk::testing

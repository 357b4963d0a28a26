#include "domain/job_lookup.h"

#include <charconv>
#include <cstdint>

namespace gep::domain {

Result<std::optional<Job>> find_job(JobRepository& jobs, std::string_view key) {
  int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (!key.empty() && ec == std::errc{} && ptr == key.data() + key.size()) {
    auto by_id = jobs.find_by_id(id);
    if (!by_id || by_id->has_value()) return by_id;
  }
  return jobs.find_by_jnid(key);
}

}  // namespace gep::domain

#include "http/job_lookup.h"

#include <charconv>

#include "http/json_response.h"

namespace gep::http {

Result<std::optional<domain::Job>> find_job(domain::JobRepository& jobs, const std::string& key) {
  int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (!key.empty() && ec == std::errc{} && ptr == key.data() + key.size()) {
    auto by_id = jobs.find_by_id(id);
    if (!by_id || by_id->has_value()) return by_id;
  }
  return jobs.find_by_jnid(key);
}

std::optional<domain::Job> active_job_or_answer(domain::JobRepository& jobs, const std::string& key,
                                                httplib::Response& response) {
  const auto found = find_job(jobs, key);
  if (!found) {
    send_error(response, 500, "database", found.error().message);
    return std::nullopt;
  }
  if (!found->has_value() || (*found)->deleted_at) {
    send_error(response, 404, "not_found", "no job " + key);
    return std::nullopt;
  }
  return **found;
}

}  // namespace gep::http

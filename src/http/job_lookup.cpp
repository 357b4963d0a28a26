#include "http/job_lookup.h"

#include "http/json_response.h"

namespace gep::http {

std::optional<domain::Job> active_job_or_answer(domain::JobRepository& jobs, const std::string& key,
                                                Response& response) {
  const auto found = find_job(jobs, key);
  if (!found) {
    send_failure(response, found.error());
    return std::nullopt;
  }
  if (!found->has_value() || (*found)->deleted_at) {
    send_error(response, ErrorCode::not_found, "no job " + key);
    return std::nullopt;
  }
  return **found;
}

}  // namespace gep::http

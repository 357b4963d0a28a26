#pragma once
#include <httplib.h>

#include <optional>
#include <string>

#include "core/result.h"
#include "domain/repositories.h"

namespace gep::http {

// Routes take either our id or the JobNimbus jnid (JobNimbus only knows the latter). A key of
// digits only is tried as our id first.
Result<std::optional<domain::Job>> find_job(domain::JobRepository& jobs, const std::string& key);

// The active (not deleted) job named by `key`, or nullopt with the 404/500 answer already written.
std::optional<domain::Job> active_job_or_answer(domain::JobRepository& jobs, const std::string& key,
                                                httplib::Response& response);

}  // namespace gep::http

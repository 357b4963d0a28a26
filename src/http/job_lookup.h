#pragma once
#include "http/router.h"

#include <optional>
#include <string>

#include "core/result.h"
#include "domain/job_lookup.h"
#include "domain/repositories.h"

namespace gep::http {

// Routes take either our id or the JobNimbus jnid (see domain/job_lookup.h).
using domain::find_job;

// The active (not deleted) job named by `key`, or nullopt with the 404/500 answer already written.
std::optional<domain::Job> active_job_or_answer(domain::JobRepository& jobs, const std::string& key,
                                                Response& response);

}  // namespace gep::http

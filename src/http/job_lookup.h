#pragma once
#include <optional>
#include <string>

#include "core/result.h"
#include "domain/repositories.h"

namespace gep::http {

// Routes take either our id or the JobNimbus jnid (JobNimbus only knows the latter). A key of
// digits only is tried as our id first.
Result<std::optional<domain::Job>> find_job(domain::JobRepository& jobs, const std::string& key);

}  // namespace gep::http

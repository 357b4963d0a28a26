#pragma once
// Jobs are named by our numeric id or by their JobNimbus jnid (JobNimbus only knows the latter).
#include <optional>
#include <string_view>

#include "core/result.h"
#include "domain/repositories.h"

namespace gep::domain {

// Digits are tried as our id first, then as a jnid; deleted jobs are found too.
Result<std::optional<Job>> find_job(JobRepository& jobs, std::string_view key);

}  // namespace gep::domain

#pragma once
// The job status names of the account's workflows (JobNimbus settings), in workflow order, each
// once: what a status filter offers and the order the overview counts them in.
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/data_store.h"

namespace gep::domain {

Result<std::vector<std::string>> job_status_names(Repositories& store);

}  // namespace gep::domain

#include "domain/job_statuses.h"

#include <set>

namespace gep::domain {

Result<std::vector<std::string>> job_status_names(Repositories& store) {
  const auto workflows = store.workflows().list();
  if (!workflows) return fail(workflows.error());
  std::set<std::string> seen;
  std::vector<std::string> names;
  for (const WorkflowRecord& workflow : *workflows) {
    if (workflow.object_type != "job") continue;
    for (const WorkflowStatusRecord& status : workflow.statuses) {
      if (seen.insert(status.name).second) names.push_back(status.name);
    }
  }
  return names;
}

}  // namespace gep::domain

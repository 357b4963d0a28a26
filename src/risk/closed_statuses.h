#pragma once
// Which job statuses are closed (won, lost, cancelled), from GET /account/settings as the sync
// stored it. Status ids differ between workflows with the same name, so lookups go by name: the
// job's own workflow (its record type) first; when that workflow is unknown, a status name that is
// closed in any job workflow counts as closed.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "domain/evaluations.h"

namespace gep::risk {

class ClosedStatuses {
 public:
  ClosedStatuses() = default;
  explicit ClosedStatuses(const std::vector<domain::WorkflowRecord>& workflows);

  bool is_closed(std::string_view workflow_name, std::string_view status_name) const;
  bool empty() const { return known_workflows_.empty(); }

 private:
  std::unordered_set<std::string> known_workflows_;     // folded names of job workflows
  std::unordered_set<std::string> closed_in_workflow_;  // folded "workflow\nstatus"
  std::unordered_set<std::string> closed_anywhere_;     // folded status names
};

}  // namespace gep::risk

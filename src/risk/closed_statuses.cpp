#include "risk/closed_statuses.h"

#include "qc/text.h"

namespace gep::risk {
namespace {

// Names compare as qc::same_name does: trimmed, ASCII case-insensitive.
std::string fold(std::string_view name) {
  std::string out(qc::trim(name));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string key(std::string_view workflow, std::string_view status) {
  return fold(workflow) + "\n" + fold(status);
}

}  // namespace

ClosedStatuses::ClosedStatuses(const std::vector<domain::WorkflowRecord>& workflows) {
  for (const auto& workflow : workflows) {
    if (workflow.object_type != "job") continue;
    known_workflows_.insert(fold(workflow.name));
    for (const auto& status : workflow.statuses) {
      if (!status.is_closed) continue;
      closed_in_workflow_.insert(key(workflow.name, status.name));
      closed_anywhere_.insert(fold(status.name));
    }
  }
}

bool ClosedStatuses::is_closed(std::string_view workflow_name, std::string_view status_name) const {
  if (known_workflows_.count(fold(workflow_name)) != 0) {
    return closed_in_workflow_.count(key(workflow_name, status_name)) != 0;
  }
  return closed_anywhere_.count(fold(status_name)) != 0;
}

}  // namespace gep::risk

#include "sync/workflow_sync.h"

#include <nlohmann/json.hpp>

namespace gep::sync {
namespace {

domain::WorkflowRecord to_record(const jobnimbus::Workflow& workflow, size_t index) {
  domain::WorkflowRecord record;
  // Ids are optional on the wire; the position keeps rows distinct when one is missing.
  record.jn_workflow_id = workflow.id.value_or(-static_cast<int64_t>(index) - 1);
  record.object_type = workflow.object_type;
  record.name = workflow.name;
  record.is_active = workflow.is_active;
  nlohmann::json statuses = nlohmann::json::array();
  for (size_t i = 0; i < workflow.statuses.size(); ++i) {
    const auto& status = workflow.statuses[i];
    domain::WorkflowStatusRecord row;
    row.jn_status_id = status.id.value_or(-static_cast<int64_t>(i) - 1);
    row.name = status.name;
    row.is_lead = status.is_lead;
    row.is_closed = status.is_closed;
    row.is_active = status.is_active;
    row.sort_order = static_cast<int>(status.order.value_or(static_cast<int64_t>(i)));
    statuses.push_back({{"id", row.jn_status_id},
                        {"name", row.name},
                        {"is_lead", row.is_lead},
                        {"is_closed", row.is_closed},
                        {"is_active", row.is_active},
                        {"order", row.sort_order}});
    record.statuses.push_back(std::move(row));
  }
  record.raw_json = nlohmann::json{
      {"id", record.jn_workflow_id},
      {"object_type", record.object_type},
      {"name", record.name},
      {"is_active", record.is_active},
      {"status",
       statuses}}.dump();
  return record;
}

}  // namespace

Result<int64_t> sync_workflows(JobNimbusGateway& gateway, domain::DataStore& store) {
  const auto settings = gateway.account_settings();
  if (!settings) return fail("jobnimbus", "account settings: " + settings.error().describe());
  std::vector<domain::WorkflowRecord> workflows;
  workflows.reserve(settings->workflows.size());
  for (size_t i = 0; i < settings->workflows.size(); ++i) {
    workflows.push_back(to_record(settings->workflows[i], i));
  }
  if (auto stored = store.workflows().replace_all(workflows); !stored) return fail(stored.error());
  return static_cast<int64_t>(workflows.size());
}

}  // namespace gep::sync

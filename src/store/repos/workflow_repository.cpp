#include "store/repos/workflow_repository.h"

#include <array>
#include <map>

#include "store/repos/batch_sql.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr std::array<std::string_view, 7> kStatusColumns{
    "workflow_id", "jn_status_id", "name", "is_lead", "is_closed", "is_active", "sort_order"};

}  // namespace

Status SqlWorkflowRepository::replace_all(std::span<const domain::WorkflowRecord> workflows) {
  const int64_t now = source_.now();
  return source_.run(true, [&](sql::Connection& connection) -> Status {
    // A handful of rows: replacing them is simpler than diffing and leaves no stale status.
    if (const auto cleared = connection.execute("DELETE FROM workflow_statuses"); !cleared) {
      return fail(cleared.error());
    }
    if (const auto cleared = connection.execute("DELETE FROM workflows"); !cleared) {
      return fail(cleared.error());
    }
    std::vector<sql::Value> statuses;
    size_t status_rows = 0;
    for (const auto& workflow : workflows) {
      const auto inserted = connection.query(
          "INSERT INTO workflows (jn_workflow_id, object_type, name, is_active, raw_json, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {sql::Value{workflow.jn_workflow_id}, sql::Value{workflow.object_type},
           sql::Value{workflow.name}, sql::boolean_value(workflow.is_active),
           sql::Value{workflow.raw_json.empty() ? std::string("{}") : workflow.raw_json},
           sql::Value{now}});
      if (!inserted) return fail(inserted.error());
      if (inserted->empty()) return fail("internal", "workflow insert returned no id");
      const int64_t workflow_id = inserted->front().integer(0);
      for (const auto& status : workflow.statuses) {
        statuses.emplace_back(workflow_id);
        statuses.emplace_back(status.jn_status_id);
        statuses.emplace_back(status.name);
        statuses.push_back(sql::boolean_value(status.is_lead));
        statuses.push_back(sql::boolean_value(status.is_closed));
        statuses.push_back(sql::boolean_value(status.is_active));
        statuses.emplace_back(int64_t{status.sort_order});
        ++status_rows;
      }
    }
    // Cached pages list the statuses in workflow order (the risk filter, the overview's chart).
    if (const Status noted = connection.note_change("workflows"); !noted) return noted;
    if (status_rows == 0) return {};
    return insert_rows(connection, "workflow_statuses", kStatusColumns, statuses, status_rows);
  });
}

Result<std::vector<domain::WorkflowRecord>> SqlWorkflowRepository::list() {
  return run_on<std::vector<domain::WorkflowRecord>>(
      source_, false,
      [&](sql::Connection& connection) -> Result<std::vector<domain::WorkflowRecord>> {
        const auto rows = connection.query(
            "SELECT w.id, w.jn_workflow_id, w.object_type, w.name, w.is_active, w.raw_json, "
            "s.jn_status_id, s.name, s.is_lead, s.is_closed, s.is_active, s.sort_order "
            "FROM workflows w LEFT JOIN workflow_statuses s ON s.workflow_id = w.id "
            "ORDER BY w.id, s.sort_order, s.id");
        if (!rows) return fail(rows.error());
        std::vector<domain::WorkflowRecord> workflows;
        int64_t current = 0;
        for (const auto& row : *rows) {
          RowReader read(row);
          const int64_t id = read.integer();
          if (workflows.empty() || id != current) {
            current = id;
            domain::WorkflowRecord workflow;
            workflow.jn_workflow_id = read.integer();
            workflow.object_type = read.text();
            workflow.name = read.text();
            workflow.is_active = read.boolean();
            workflow.raw_json = read.text();
            workflows.push_back(std::move(workflow));
          } else {
            for (int skip = 0; skip < 5; ++skip) (void)read.text();
          }
          if (row.is_null(6)) continue;  // a workflow without statuses
          domain::WorkflowStatusRecord status;
          status.jn_status_id = read.integer();
          status.name = read.text();
          status.is_lead = read.boolean();
          status.is_closed = read.boolean();
          status.is_active = read.boolean();
          status.sort_order = static_cast<int>(read.integer());
          workflows.back().statuses.push_back(std::move(status));
        }
        return workflows;
      });
}

}  // namespace gep::store

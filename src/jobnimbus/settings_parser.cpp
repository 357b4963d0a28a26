// GET /account/settings -> workflows and their statuses (is_closed tells the sync engine and the
// risk rules which statuses end a job).
#include <fmt/format.h>

#include "jobnimbus/json_values.h"
#include "jobnimbus/record_parser.h"

namespace gep::jobnimbus {
namespace {

using json::error_code;
using simdjson::SUCCESS;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

// Calls `each(key, value)` for every field of an object value; a non-object is skipped.
template <class Each>
error_code for_each_field(value& v, Each each) {
  object fields;
  if (const auto error = v.get_object().get(fields)) return json::is_fatal(error) ? error : SUCCESS;
  for (auto field_result : fields) {
    simdjson::ondemand::field field;
    if (const auto error = std::move(field_result).get(field)) return error;
    std::string_view key;
    if (const auto error = json::field_key(field, key)) return error;
    value child = field.value();
    if (const auto error = each(key, child)) return error;
  }
  return SUCCESS;
}

template <class Each>
error_code for_each_item(value& v, Each each) {
  simdjson::ondemand::array items;
  if (const auto error = v.get_array().get(items)) return json::is_fatal(error) ? error : SUCCESS;
  for (auto item_result : items) {
    value item;
    if (const auto error = item_result.get(item)) return error;
    if (const auto error = each(item)) return error;
  }
  return SUCCESS;
}

error_code read_status(value& v, WorkflowStatus& status) {
  return for_each_field(v, [&](std::string_view key, value& child) -> error_code {
    if (key == "id") return json::read_int(child, status.id);
    if (key == "name") return json::read_text(child, status.name);
    if (key == "is_lead") return json::read_bool(child, status.is_lead);
    if (key == "is_closed") return json::read_bool(child, status.is_closed);
    if (key == "is_active") return json::read_bool(child, status.is_active);
    if (key == "order") return json::read_int(child, status.order);
    return SUCCESS;
  });
}

error_code read_workflow(value& v, Workflow& workflow) {
  return for_each_field(v, [&](std::string_view key, value& child) -> error_code {
    if (key == "id") return json::read_int(child, workflow.id);
    if (key == "object_type") return json::read_text(child, workflow.object_type);
    if (key == "name") return json::read_text(child, workflow.name);
    if (key == "is_active") return json::read_bool(child, workflow.is_active);
    if (key == "status" || key == "statuses") {
      return for_each_item(child, [&](value& item) -> error_code {
        WorkflowStatus status;
        if (const auto error = read_status(item, status)) return error;
        if (!status.name.empty()) workflow.statuses.push_back(std::move(status));
        return SUCCESS;
      });
    }
    return SUCCESS;
  });
}

}  // namespace

ApiResult<AccountSettings> parse_account_settings(const std::string& body) {
  const json::PaddedInput input(body);
  auto& parser = json::thread_parser();
  simdjson::ondemand::document document;
  value root;
  const auto opened = parser.iterate(input.data, input.size, input.capacity).get(document);
  if (opened || document.get_value().get(root)) {
    ApiError error;
    error.kind = ApiErrorKind::invalid_response;
    error.message = "JobNimbus sent account settings that are not JSON";
    return fail(std::move(error));
  }
  AccountSettings settings;
  bool saw_workflows = false;
  const auto error = for_each_field(root, [&](std::string_view key, value& child) -> error_code {
    if (key != "workflows") return SUCCESS;
    saw_workflows = true;
    return for_each_item(child, [&](value& item) -> error_code {
      Workflow workflow;
      if (const auto problem = read_workflow(item, workflow)) return problem;
      settings.workflows.push_back(std::move(workflow));
      return SUCCESS;
    });
  });
  if (error || !saw_workflows) {
    ApiError failure;
    failure.kind = ApiErrorKind::invalid_response;
    failure.message = error ? fmt::format("JobNimbus sent malformed account settings ({})",
                                          simdjson::error_message(error))
                            : "JobNimbus sent account settings without workflows";
    return fail(std::move(failure));
  }
  settings.raw_json = body;
  return settings;
}

}  // namespace gep::jobnimbus

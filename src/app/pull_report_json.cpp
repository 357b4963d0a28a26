#include "app/pull_report_json.h"

namespace gep::app {

nlohmann::json to_json(const sync::PullReport& report) {
  return {{"entity", std::string(sync::to_string(report.entity))},
          {"status", std::string(domain::to_string(report.status))},
          {"fetched", report.fetched},
          {"created", report.created},
          {"updated", report.updated},
          {"unchanged", report.unchanged},
          {"deleted", report.deleted},
          {"undeleted", report.undeleted},
          {"repaired", report.repaired},
          {"failed", report.failed},
          {"requests", report.requests},
          {"durationMs", report.duration_ms},
          {"errors", report.errors}};
}

}  // namespace gep::app

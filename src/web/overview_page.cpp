#include "web/overview_page.h"

#include "domain/account_summary.h"
#include "web/charts.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

// Status names ("Appointment Scheduled") are longer than levels.
constexpr int kStatusLabelWidth = 170;

std::string title_case(const std::string& code) {
  if (code == "NOT_CHECKED") return "Not checked";
  if (code.empty()) return code;
  return code.substr(0, 1) + ascii_lower(code.substr(1));
}

std::vector<ChartBar> risk_bars(const domain::AccountSummary& summary) {
  std::vector<ChartBar> bars;
  for (const auto& level : summary.risk_levels) {
    bars.push_back({title_case(level.name), level.count, ascii_lower(level.name),
                    "/risk?level=" + level.name});
  }
  return bars;
}

std::vector<ChartBar> qc_bars(const domain::AccountSummary& summary) {
  std::vector<ChartBar> bars;
  for (const auto& status : summary.qc_statuses) {
    bars.push_back({title_case(status.name), status.count, ascii_lower(status.name),
                    "/qc?status=" + status.name});
  }
  return bars;
}

std::vector<ChartBar> status_bars(const domain::AccountSummary& summary) {
  std::vector<ChartBar> bars;
  for (const auto& status : summary.job_statuses) {
    bars.push_back({status.name, status.count, "neutral", ""});
  }
  return bars;
}

// Absolute times only: the page is cached until a table changes, so "5 minutes ago" would lie.
std::string last_sync_summary(const domain::AccountSummary& summary) {
  if (!summary.last_sync) return "none yet.";
  const domain::SyncLog& log = *summary.last_sync;
  const int64_t when = log.started_at != 0 ? log.started_at : log.created_at;
  return log.entity + " at " + format_when(when) + ", " +
         std::string(domain::to_string(log.status)) + ", " + std::to_string(log.records_affected) +
         " records in " + format_duration_ms(log.duration_ms) + ".";
}

Data sync_history(const domain::AccountSummary& summary, Data& page) {
  std::vector<ChartBar> columns;
  List days;
  for (const domain::SyncDay& day : summary.sync_days) {
    const std::string label = format_when(day.day_start).substr(0, 10);
    columns.push_back({label, day.records, day.failed_runs > 0 ? "failed" : "neutral", ""});
    Data row;
    row.set("day", label);
    row.set("runs", std::to_string(day.runs));
    row.set("failed", std::to_string(day.failed_runs));
    row.set("records", std::to_string(day.records));
    row.set("duration", format_duration_ms(day.duration_ms));
    days.push_back(row);
  }
  page.set("syncDays", days);
  return column_chart(columns);
}

void overview(domain::Repositories& store, const Pages& pages, const Clock& clock,
              const http::Request& request, http::Response& response) {
  const int64_t now = to_unix_seconds(clock.now());
  const auto summary = domain::summarize_account(store, now);
  if (!summary) {
    return pages.send_error(request, response, 503, "The overview is unavailable",
                            "The account's figures could not be read. Try again in a moment.");
  }
  Data page;
  page.set("activeJobs", std::to_string(summary->active_jobs));
  page.set("lastSyncSummary", last_sync_summary(*summary));
  page.set("risk", horizontal_bars(risk_bars(*summary)));
  page.set("qc", horizontal_bars(qc_bars(*summary)));
  page.set("statuses", horizontal_bars(status_bars(*summary), kStatusLabelWidth));
  page.set("hasStatuses", !summary->job_statuses.empty());
  page.set("syncChart", sync_history(*summary, page));
  page.set("writebacksPending", std::to_string(summary->writebacks_pending));
  page.set("writebacksDelivered", std::to_string(summary->writebacks_delivered));
  page.set("writebacksDead", std::to_string(summary->writebacks_dead));
  pages.send(request, response, 200, "overview", page, "Overview");
}

}  // namespace

void add_overview_page(http::Router& router, domain::Repositories& store, http::ListCache& lists,
                       const Pages& pages, const Clock& clock) {
  router.get("/", http::Access::staff_page,
             [&store, &lists, &pages, &clock](const http::Request& request,
                                              http::Response& response, const http::PathParams&) {
               lists.answer(
                   request, response,
                   {"jobs", "risk_snapshots", "qc_checks", "sync_logs", "outbox", "workflows"},
                   [&] { overview(store, pages, clock, request, response); });
             });
}

}  // namespace gep::web

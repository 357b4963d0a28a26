#include "web/page_parts.h"

#include "domain/job_lookup.h"
#include "web/view_values.h"

namespace gep::web {

std::optional<domain::Job> active_job_or_page(const Pages& pages, domain::JobRepository& jobs,
                                              const http::Request& request,
                                              http::Response& response, const std::string& key) {
  const auto job = domain::find_job(jobs, key);
  if (!job) {
    pages.send_error(request, response, 503, "This job is unavailable",
                     "The job could not be read. Try again in a moment.");
    return std::nullopt;
  }
  if (!job->has_value() || (*job)->deleted_at) {
    pages.send_error(request, response, 404, "No such job",
                     "There is no job " + key + " in the mirror.");
    return std::nullopt;
  }
  return **job;
}

List select_options(std::span<const Choice> choices, const std::string& selected) {
  List options;
  for (const auto& [value, label] : choices) {
    Data option;
    option.set("value", value);
    option.set("label", label);
    option.set("selected", selected == value);
    options.push_back(option);
  }
  return options;
}

void set_pager(Data& data, const std::string& path, std::map<std::string, std::string> filters,
               const std::string& after, const std::string& next_cursor) {
  data.set("isLaterPage", !after.empty());
  data.set("firstHref", path + query_string(filters));
  data.set("hasNext", !next_cursor.empty());
  filters["after"] = next_cursor;
  data.set("nextHref", path + query_string(filters));
}

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

}  // namespace gep::web

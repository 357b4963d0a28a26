#pragma once
// Pieces the list and detail pages share: the job a page is about (or its error page), the
// choices of a filter, the links of keyset pages, and strings read from a DTO.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "domain/repositories.h"
#include "http/router.h"
#include "web/page_response.h"

namespace gep::web {

using Choice = std::pair<const char*, const char*>;  // value, label

// Rows on one page of a list (the API's default limit).
inline constexpr int64_t kRowsPerPage = 50;

// The active job named by `key` (our id or the jnid); nullopt with the 404 or 503 page written.
std::optional<domain::Job> active_job_or_page(const Pages& pages, domain::JobRepository& jobs,
                                              const http::Request& request,
                                              http::Response& response, const std::string& key);

// [{value, label, selected}] for a <select>.
List select_options(std::span<const Choice> choices, const std::string& selected);

// hasNext, nextHref, isLaterPage and firstHref of a list at `path` filtered by `filters`.
void set_pager(Data& data, const std::string& path, std::map<std::string, std::string> filters,
               const std::string& after, const std::string& next_cursor);

// The string at `value`, or "" when it is null or not a string.
std::string text_of(const nlohmann::json& value);

}  // namespace gep::web

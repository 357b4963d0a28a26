#pragma once
// JSON answers -> records, with simdjson's on-demand parser (about 20x nlohmann on job pages; the
// import must be bound by the database, not by JSON). Tolerant by design: a record without a
// usable jnid is reported in Page::skipped and the rest of the page is kept; only a body that is
// not the expected JSON (non-JSON, truncated, no list) is an invalid_response error.
#include <string>

#include "jobnimbus/api_error.h"
#include "jobnimbus/models.h"

namespace gep::jobnimbus {

// A list answer: {"count": N, "results"|"activity"|"files": [...]} (a bare array is accepted).
// Record is Job, Contact, FileRecord, Activity, Task or RecordId.
template <class Record>
ApiResult<Page<Record>> parse_page(const std::string& body);

// A single record (GET /jobs/{jnid}, the answer of a write).
template <class Record>
ApiResult<Record> parse_record(const std::string& body);

// GET /account/settings.
ApiResult<AccountSettings> parse_account_settings(const std::string& body);

}  // namespace gep::jobnimbus

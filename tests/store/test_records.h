#pragma once
// Realistic records for storage tests and measurements.
#include <string>

#include "domain/records.h"

namespace gep::test {

// Job number `n`, jnid "job<n>", with a raw JSON of about the size JobNimbus sends.
domain::Job make_job(int n);
domain::Contact make_contact(int n);
domain::File make_file(int n, const std::string& job_jnid, domain::FileKind kind);
domain::Activity make_activity(int n, const std::string& job_jnid, bool status_change);

}  // namespace gep::test

#pragma once
// The seeded account: contacts, jobs spread over their workflows, each job's photos, documents,
// system activities and tasks, deterministic for a seed and an anchor time. About 38% of jobs and
// contacts and 30% of files share their date_updated second with others (bulk edits, imports,
// one big cluster larger than a page), so that cursors must handle ties.
#include <array>
#include <cstdint>
#include <vector>

#include "sandbox/record.h"

namespace gep::sandbox {

struct GenerationSpec {
  int64_t jobs = 0;
  int64_t contacts = -1;  // < 0: as many as jobs
  double photos_per_job = 5.0;
  double docs_per_job = 2.0;
  uint64_t seed = 1;
  int64_t anchor = 0;  // every seeded date is before this instant
  bool status_history = true;
  // Extra date_updated seconds, each stamped on this many jobs and as many files.
  std::vector<int64_t> crowded_seconds;
};

struct Account {
  std::array<std::vector<Record>, 5> records;  // by kind_index()
  int64_t next_job_recid = 1001;
  int64_t next_contact_recid = 1001;
};

Account generate_account(const GenerationSpec& spec);

}  // namespace gep::sandbox

#pragma once
// The initial import shared by `gep seed` and `gep demo`: a full pull of jobs, contacts and files
// that resumes an interrupted one, with progress for people, then every job's first QC and risk
// results (a first result queues no JobNimbus note: only changes do).
#include <string>

#include "app/sync_wiring.h"

namespace gep::app {

struct ImportSummary {
  bool all_succeeded = true;
  int64_t stored = 0;  // records in the mirror after the import
};

ImportSummary import_everything(SyncComponents& components, const Config& config,
                                const std::string& trigger);

}  // namespace gep::app

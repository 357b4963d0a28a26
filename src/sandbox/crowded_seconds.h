#pragma once
// Bulk edits on demand: a JobNimbus bulk update stamps every record it touches with one
// date_updated second. Tests ask for seconds far more crowded than the generator's own clusters
// (say 12,000 jobs in one second) to prove that a cursor lists such a second completely.
#include <cstdint>
#include <vector>

#include "sandbox/generator.h"

namespace gep::sandbox {

// For each size, picks that many jobs and as many files (or all there are) whose date_updated is
// not later than a second half an hour before `anchor`, and moves their date_updated to it. The
// seconds are a minute apart; a record is moved at most once. Deterministic for `seed`.
void crowd_seconds(Account& account, const std::vector<int64_t>& sizes, int64_t anchor,
                   uint64_t seed);

}  // namespace gep::sandbox

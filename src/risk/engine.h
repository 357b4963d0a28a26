#pragma once
// The risk engine: pure rules over one job's mirrored data.
//
// Rules (each reason carries a message, details and a coordinator action):
//   STUCK_IN_STATUS    whole days since date_status_change: MEDIUM >= medium, HIGH >= high days
//   STALE_JOB          whole days since JobNimbus date_updated: same scheme with its thresholds
//   MISSING_QC_PHOTOS  the latest QC check is FAIL → HIGH (PASS, NOT_CHECKED or none → nothing)
//   MISSING_DOCUMENTS  one reason per required document kind missing (risk/documents.h):
//                      MEDIUM at the stage that needs it, HIGH once the job is past it
// Closed jobs (status is_closed in its workflow) are never STUCK or STALE; QC and documents still
// apply, because a closed, completed job without AFTER photos or PTO letter is still a gap.
// An unset date (0) skips its rule. Day counts: risk/local_days.h. riskLevel is the highest
// severity among the reasons, LOW when there is none.
//
// Cost: the zone, keyword tables and per-kind stages are prepared in create(); assess() does no
// allocation for ordinary inputs, so bulk callers can run it over every job and render()
// snapshots only where they need text. Convert "now" once per batch with at().
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "risk/documents.h"
#include "risk/input.h"
#include "risk/local_days.h"
#include "risk/risk_config.h"
#include "risk/snapshot.h"

namespace gep::risk {

class RiskEngine {
 public:
  // Fails ("validation") on an unknown time zone or invalid thresholds.
  static Result<RiskEngine> create(RiskConfig config);

  // The evaluation instant, converted to the zone once.
  struct Now {
    TimePoint at{};
    int64_t local_seconds = 0;
  };
  Now at(TimePoint evaluated_at) const;

  RiskFindings assess(const RiskJobInput& job, const Now& now) const;
  JobRiskSnapshot render(const RiskJobInput& job, const RiskFindings& findings,
                         const Now& now) const;
  JobRiskSnapshot evaluate(const RiskJobInput& job, const Now& now) const;
  JobRiskSnapshot evaluate(const RiskJobInput& job, TimePoint evaluated_at) const;

  const RiskConfig& config() const { return config_; }
  const LocalDayCounter& days() const { return days_; }

 private:
  RiskEngine(RiskConfig config, LocalDayCounter days);

  RiskConfig config_;
  LocalDayCounter days_;
  DocumentMatcher documents_;
};

}  // namespace gep::risk

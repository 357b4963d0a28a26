#pragma once
// QC and risk in `gep serve`: the services built from Config (a bad QC/risk variable stops
// start-up with its name), and when they run besides the API: after every sync for the jobs it
// changed, and over every job once a day (time alone moves risk: day counts grow).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "domain/data_store.h"
#include "qc/qc_service.h"
#include "risk/risk_service.h"

namespace gep::app {

// The engines' variables as the engines' parsers read them.
EnvMap evaluation_environment(const Config& config);

class Evaluations {
 public:
  static Result<std::unique_ptr<Evaluations>> create(const Config& config, domain::DataStore& store,
                                                     const Clock& clock);

  qc::QcService& qc() { return *qc_; }
  risk::RiskService& risk() { return *risk_; }

  // QC then risk (risk reads the fresh QC result) for jobs the mirror changed since `since`.
  void reevaluate_changed(int64_t since);
  // Everything, when the UTC day of `now` has not had a full run in this process yet.
  void evaluate_all_if_new_day(TimePoint now);

 private:
  Evaluations(domain::DataStore& store, std::unique_ptr<qc::QcNoteQueue> notes,
              std::unique_ptr<qc::QcService> qc, std::unique_ptr<risk::RiskService> risk);

  domain::DataStore& store_;
  std::unique_ptr<qc::QcNoteQueue> notes_;
  std::unique_ptr<qc::QcService> qc_;
  std::unique_ptr<risk::RiskService> risk_;
  std::mutex day_mutex_;
  std::optional<int64_t> last_full_day_;
};

}  // namespace gep::app

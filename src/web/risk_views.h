#pragma once
// How a job's risk reads on a page: its level, reasons with their numbers and actions, history
// and the QC counts. The staff pages and the risk panel share it.
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "domain/data_store.h"
#include "risk/risk_service.h"
#include "web/page_parts.h"

namespace gep::web {

// The reason codes with their labels ("No recent activity", ...).
std::span<const Choice> risk_reason_choices();

// One row of the risk table from a snapshot and its JobRiskSnapshotDTO: {level, levelTone,
// detailHref, jobNumber, jobName, customer, status, daysInStatus, reasons, evaluatedAt,
// jobNimbusUrl, hasJobNimbusUrl}. Days in status count whole days from the job's last status
// change to `now`, the same key the table sorts by; "" when JobNimbus never said.
Data risk_row_view(const domain::RiskSnapshotRecord& snapshot, const nlohmann::json& dto,
                   int64_t now);

// {evaluated, risk, actions, hasActions, history, qc} of the job's latest snapshot (as GET
// /api/v1/risk/jobs/:jobId), its history and its QC counts.
Result<Data> risk_detail_view(domain::Repositories& store, const risk::RiskService& risk,
                              const domain::Job& job, int64_t now);

}  // namespace gep::web

#include "risk/messages.h"

#include <algorithm>
#include <vector>

#include "qc/text.h"

namespace gep::risk {
namespace {

std::string days_text(int64_t days) {
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

std::string thresholds_text(RiskLevel severity, const DayThresholds& thresholds) {
  if (severity == RiskLevel::high) return "(HIGH at " + std::to_string(thresholds.high_days) + ")";
  return "(MEDIUM at " + std::to_string(thresholds.medium_days) + ", HIGH at " +
         std::to_string(thresholds.high_days) + ")";
}

}  // namespace

std::string stuck_message(std::string_view status_name, int64_t days, RiskLevel severity,
                          const DayThresholds& thresholds) {
  return "In '" + std::string(qc::trim(status_name)) + "' for " + days_text(days) + " " +
         thresholds_text(severity, thresholds);
}

std::string stuck_action(qc::JobStage stage, std::string_view status_name) {
  switch (stage) {
    case qc::JobStage::lead:
      return "Follow up with the customer on the estimate";
    case qc::JobStage::sold:
      return "Book the site survey and start the permit application";
    case qc::JobStage::permitting:
      return "Call the permit office";
    case qc::JobStage::scheduled:
      return "Confirm the install date with the crew and the customer";
    case qc::JobStage::install:
      return "Ask the crew lead what is blocking the installation";
    case qc::JobStage::complete:
      return "Follow up on the final inspection, PTO and the final invoice";
    case qc::JobStage::unknown:
      break;
  }
  return "Ask the job owner what is needed to move the job out of '" +
         std::string(qc::trim(status_name)) + "'";
}

std::string stale_message(int64_t days, RiskLevel severity, const DayThresholds& thresholds) {
  return "No update in JobNimbus for " + days_text(days) + " " +
         thresholds_text(severity, thresholds);
}

std::string stale_action() {
  return "Call the customer and log the update in JobNimbus";
}

std::string qc_message(std::span<const qc::MissingCategory> missing) {
  if (missing.empty()) return "QC FAIL: required photos are missing";
  return "QC FAIL: " + qc::describe_missing(missing);
}

std::string qc_action(std::span<const qc::MissingCategory> missing) {
  if (missing.empty()) return "Ask the crew to upload the missing QC photos";
  std::vector<qc::MissingCategory> ordered(missing.begin(), missing.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.missing > b.missing; });
  std::string text = "Ask the crew to upload ";
  for (size_t i = 0; i < ordered.size(); ++i) {
    if (i > 0) text += (i + 1 == ordered.size()) ? " and " : ", ";
    text += std::to_string(ordered[i].missing);
    text += ' ';
    text += qc::to_string(ordered[i].category);
    text += ordered[i].missing == 1 ? " photo" : " photos";
  }
  return text;
}

std::string document_message(const DocumentRequirement& requirement, RiskLevel severity,
                             std::string_view status_name) {
  std::string text = "No " + requirement.label + " on file";
  const bool has_deadline = requirement.high_from != qc::JobStage::unknown;
  if (severity == RiskLevel::high) {
    text += " and the job is already at '" + std::string(qc::trim(status_name)) + "'";
    if (has_deadline) {
      text += " (required before " + std::string(qc::display_name(requirement.high_from)) + ")";
    }
    return text;
  }
  text += " (required from " + std::string(qc::display_name(requirement.required_from));
  if (has_deadline) text += ", before " + std::string(qc::display_name(requirement.high_from));
  text += ")";
  return text;
}

}  // namespace gep::risk

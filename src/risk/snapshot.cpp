#include "risk/snapshot.h"

#include <array>

#include "qc/text.h"

namespace gep::risk {

std::string_view to_string(RiskLevel level) {
  switch (level) {
    case RiskLevel::medium:
      return "MEDIUM";
    case RiskLevel::high:
      return "HIGH";
    case RiskLevel::low:
      break;
  }
  return "LOW";
}

std::string_view to_string(RiskCode code) {
  switch (code) {
    case RiskCode::stale_job:
      return "STALE_JOB";
    case RiskCode::missing_qc_photos:
      return "MISSING_QC_PHOTOS";
    case RiskCode::missing_documents:
      return "MISSING_DOCUMENTS";
    case RiskCode::stuck_in_status:
      break;
  }
  return "STUCK_IN_STATUS";
}

std::optional<RiskLevel> parse_risk_level(std::string_view text) {
  for (const auto level : {RiskLevel::low, RiskLevel::medium, RiskLevel::high}) {
    if (qc::same_name(text, to_string(level))) return level;
  }
  return std::nullopt;
}

std::optional<RiskCode> parse_risk_code(std::string_view text) {
  for (const auto code : {RiskCode::stuck_in_status, RiskCode::stale_job,
                          RiskCode::missing_qc_photos, RiskCode::missing_documents}) {
    if (qc::same_name(text, to_string(code))) return code;
  }
  return std::nullopt;
}

std::string jobnimbus_job_url(std::string_view app_base_url, std::string_view jobnimbus_id) {
  if (jobnimbus_id.empty()) return {};
  while (!app_base_url.empty() && app_base_url.back() == '/') app_base_url.remove_suffix(1);
  std::string url;
  url.reserve(app_base_url.size() + 5 + jobnimbus_id.size());
  url += app_base_url;
  url += "/job/";
  constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                      '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  for (const char c : jobnimbus_id) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved) {
      url += c;
    } else {
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0x0F];
    }
  }
  return url;
}

}  // namespace gep::risk

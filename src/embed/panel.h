#pragma once
// The three panels JobNimbus may embed (spec: "Embedded Panels for JobNimbus").
#include <optional>
#include <string_view>

namespace gep::embed {

enum class PanelType { qc, risk, portal };

// "QC_PANEL" | "RISK_VIEW" | "CUSTOMER_PORTAL_VIEW"; nothing for anything else.
std::optional<PanelType> parse_panel_type(std::string_view name);
std::string_view to_string(PanelType panel);
// The dashboard route segment: /embed/qc, /embed/risk, /embed/portal.
std::string_view embed_path_segment(PanelType panel);

}  // namespace gep::embed

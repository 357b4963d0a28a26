#include "embed/panel.h"

namespace gep::embed {

std::optional<PanelType> parse_panel_type(std::string_view name) {
  if (name == "QC_PANEL") return PanelType::qc;
  if (name == "RISK_VIEW") return PanelType::risk;
  if (name == "CUSTOMER_PORTAL_VIEW") return PanelType::portal;
  return std::nullopt;
}

std::string_view to_string(PanelType panel) {
  switch (panel) {
    case PanelType::qc:
      return "QC_PANEL";
    case PanelType::risk:
      return "RISK_VIEW";
    case PanelType::portal:
      return "CUSTOMER_PORTAL_VIEW";
  }
  return "QC_PANEL";
}

std::string_view embed_path_segment(PanelType panel) {
  switch (panel) {
    case PanelType::qc:
      return "qc";
    case PanelType::risk:
      return "risk";
    case PanelType::portal:
      return "portal";
  }
  return "qc";
}

}  // namespace gep::embed

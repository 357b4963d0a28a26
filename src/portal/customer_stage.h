#pragma once
// Internal stages in a homeowner's words. Status names are the account's own and may be blunt
// ("Waiting on payment"), so the portal never shows them: only the stage ladder of qc/stage.h,
// relabelled here.
#include <string>
#include <string_view>
#include <vector>

#include "qc/stage.h"

namespace gep::portal {

// lead "Proposal", sold "Contract signed", permitting "Permits in progress", scheduled
// "Installation scheduled", install "Installation", complete "Complete"; a status that maps to no
// stage (On Hold, Lost, custom ones) is "In review".
std::string_view customer_stage_label(qc::JobStage stage);

// What happens next and what the homeowner may need to do, in plain language.
std::vector<std::string> next_steps(qc::JobStage stage);

}  // namespace gep::portal

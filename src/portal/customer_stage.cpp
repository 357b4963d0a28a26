#include "portal/customer_stage.h"

namespace gep::portal {

using qc::JobStage;

std::string_view customer_stage_label(JobStage stage) {
  switch (stage) {
    case JobStage::lead:
      return "Proposal";
    case JobStage::sold:
      return "Contract signed";
    case JobStage::permitting:
      return "Permits in progress";
    case JobStage::scheduled:
      return "Installation scheduled";
    case JobStage::install:
      return "Installation";
    case JobStage::complete:
      return "Complete";
    case JobStage::unknown:
      break;
  }
  return "In review";
}

std::vector<std::string> next_steps(JobStage stage) {
  switch (stage) {
    case JobStage::lead:
      return {"Review your proposal and send us any questions.",
              "Sign the contract when you are ready to go ahead."};
    case JobStage::sold:
      return {"We are designing your system and preparing the permit applications.",
              "Nothing is needed from you right now."};
    case JobStage::permitting:
      return {
          "Your permit applications are with the local authorities; approval usually takes "
          "a few weeks.",
          "We will call you to schedule the installation once the permits are approved."};
    case JobStage::scheduled:
      return {
          "Please make sure the crew can reach your roof and electrical panel on "
          "installation day.",
          "We will confirm the date and time with you the day before."};
    case JobStage::install:
      return {"Our crew is installing your system.",
              "After installation, the inspection and the utility's approval come before the "
              "system is switched on."};
    case JobStage::complete:
      return {"Your installation is complete.",
              "Your photos and documents stay available here; contact us with any questions."};
    case JobStage::unknown:
      break;
  }
  return {"Your project team will contact you with an update."};
}

}  // namespace gep::portal

#pragma once
// MISSING_DOCUMENTS: which document kinds a job must have on file at which stage, and whether its
// files provide them.
//
// Defaults (kind, label: required from → HIGH once at):
//   signed_contract  "signed contract"                   Sold → Permitting
//   permit           "permit"                            Scheduled → In Progress
//   interconnection  "utility interconnection approval"  In Progress → Completed
// i.e. missing → MEDIUM while the job is at the stage that needs it, HIGH once it is past it.
//
// A file counts as a document when it is not a photo (record_type 2 / "Photo"): Documents,
// email attachments, naturalForms and custom types alike. Keywords are matched as whole words
// (qc/text.h) in its filename, its caption and its record type name (accounts often have custom
// types like "Permits"). Keywords are split like the text, so a camel-case brand needs both
// spellings ("docusign" for "docusign.pdf", "DocuSign" for "DocuSign_Envelope.pdf"). A file whose
// text contains an exclusion word is not proof of anything: "Permit application.pdf", "Contract -
// DRAFT", "PTO request" (defaults: draft, unsigned, template, blank, sample, void, voided,
// cancelled, canceled, rejected, denied, expired, application, applied, pending, submitted,
// request, requested).
//
// Environment:
//   RISK_REQUIRED_DOCUMENTS  "kind:required_from:high_from:keyword|keyword;..." — stages as
//     qc::parse_stage accepts them (lead, sold, permitting, scheduled, install, complete or their
//     display names); high_from may be empty (never HIGH). "none" disables the rule; unset or
//     empty keeps the defaults. Up to 32 kinds.
//     e.g. "signed_contract:sold:permitting:contract|signed agreement;hoa_approval:sold::hoa"
//   RISK_DOCUMENT_EXCLUDE_WORDS  comma-separated; replaces the default exclusion words.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "qc/stage.h"
#include "qc/text.h"
#include "risk/input.h"

namespace gep::risk {

struct DocumentRequirement {
  std::string kind;   // stable code: "signed_contract"
  std::string label;  // for messages: "signed contract"
  qc::JobStage required_from = qc::JobStage::sold;
  qc::JobStage high_from = qc::JobStage::unknown;  // unknown: never escalates to HIGH
  std::vector<std::string> keywords;
  std::string action;  // what a coordinator does about it
  // Job types (record type / workflow names) it applies to, as words the name contains ("solar"
  // matches "Residential Solar"); empty: every job. A roof has no utility interconnection.
  std::vector<std::string> job_types;

  bool applies_to(std::string_view job_type_name) const;
};

struct DocumentRules {
  std::vector<DocumentRequirement> requirements;
  std::vector<std::string> exclude_words;
};

inline constexpr size_t kMaxDocumentKinds = 32;  // one bit each in a mask

DocumentRules default_document_rules();
Result<std::vector<DocumentRequirement>> parse_document_requirements(std::string_view spec);
std::vector<std::string> parse_word_list(std::string_view comma_separated);

bool is_photo(const RiskFile& file);

// The rules compiled into keyword tables once; matching allocates nothing for ordinary names.
class DocumentMatcher {
 public:
  explicit DocumentMatcher(const DocumentRules& rules);

  // Bit i set when requirement i is satisfied by some non-photo file. Only bits of `wanted` are
  // looked for; the scan stops once all are found.
  uint32_t satisfied(std::span<const RiskFile> files, uint32_t wanted) const;

 private:
  qc::PhraseTable keywords_;  // tag = requirement index
  qc::WordSet excluded_;
};

}  // namespace gep::risk

#include "risk/documents.h"

#include <algorithm>
#include <string>

namespace gep::risk {
namespace {

using qc::JobStage;
using qc::trim;

std::string_view next_item(std::string_view& rest, char separator) {
  const size_t end = rest.find(separator);
  const std::string_view item = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return trim(item);
}

std::string label_of(std::string_view kind) {
  std::string label(kind);
  for (char& c : label) {
    if (c == '_' || c == '-') c = ' ';
  }
  return label;
}

Result<JobStage> stage_field(std::string_view kind, const char* field, std::string_view text) {
  const auto stage = qc::parse_stage(text);
  if (!stage || *stage == JobStage::unknown) {
    return fail("validation", "RISK_REQUIRED_DOCUMENTS '" + std::string(kind) + "': " + field +
                                  " stage '" + std::string(text) +
                                  "' is not one of lead, sold, permitting, scheduled, install, "
                                  "complete");
  }
  return *stage;
}

Result<DocumentRequirement> parse_one(std::string_view group) {
  std::string_view rest = group;
  const std::string_view kind = next_item(rest, ':');
  const std::string_view from_text = next_item(rest, ':');
  const std::string_view high_text = next_item(rest, ':');
  std::string_view keyword_text = trim(rest);
  if (kind.empty() || from_text.empty() || keyword_text.empty()) {
    return fail("validation",
                "RISK_REQUIRED_DOCUMENTS: expected 'kind:required_from:high_from:keyword|...', "
                "got '" +
                    std::string(group) + "'");
  }
  DocumentRequirement requirement;
  requirement.kind = std::string(kind);
  requirement.label = label_of(kind);
  requirement.action = "Upload the " + requirement.label + " in JobNimbus";
  auto from = stage_field(kind, "required_from", from_text);
  if (!from) return fail(from.error());
  requirement.required_from = *from;
  if (!high_text.empty()) {
    auto high = stage_field(kind, "high_from", high_text);
    if (!high) return fail(high.error());
    if (*high < *from) {
      return fail("validation", "RISK_REQUIRED_DOCUMENTS '" + std::string(kind) +
                                    "': high_from must not be earlier than required_from");
    }
    requirement.high_from = *high;
  }
  while (!keyword_text.empty()) {
    const std::string_view keyword = next_item(keyword_text, '|');
    if (!keyword.empty() && !qc::TokenizedText(keyword).empty()) {
      requirement.keywords.emplace_back(keyword);
    }
  }
  if (requirement.keywords.empty()) {
    return fail("validation",
                "RISK_REQUIRED_DOCUMENTS '" + std::string(kind) + "': no usable keyword");
  }
  return requirement;
}

}  // namespace

bool DocumentRequirement::applies_to(std::string_view job_type_name) const {
  if (job_types.empty()) return true;
  const qc::TokenizedText name(job_type_name);
  for (size_t i = 0; i < name.size(); ++i) {
    for (const std::string& type : job_types) {
      if (qc::same_name(name.word(i), type)) return true;
    }
  }
  return false;
}

DocumentRules default_document_rules() {
  DocumentRules rules;
  rules.requirements = {
      {"signed_contract",
       "signed contract",
       JobStage::sold,
       JobStage::permitting,
       {"contract", "signed agreement", "purchase agreement", "sales agreement",
        "customer agreement", "installation agreement", "signed proposal", "docusign", "DocuSign",
        "ppa", "lease agreement"},
       "Upload the signed contract in JobNimbus",
       {}},
      {"permit",
       "permit",
       JobStage::scheduled,
       JobStage::install,
       {"permit", "permits", "building permit", "electrical permit"},
       "Call the permit office and upload the issued permit in JobNimbus",
       {}},
      {"interconnection",
       "utility interconnection approval",
       JobStage::install,
       JobStage::complete,
       {"interconnection", "pto", "permission to operate", "utility approval", "utility approved",
        "net metering"},
       "Ask the utility for the interconnection approval (PTO) and upload it in JobNimbus",
       {"solar"}},
  };
  rules.exclude_words = {"draft",     "unsigned", "template",    "blank",    "sample",
                         "void",      "voided",   "cancelled",   "canceled", "rejected",
                         "denied",    "expired",  "application", "applied",  "pending",
                         "submitted", "request",  "requested"};
  return rules;
}

Result<std::vector<DocumentRequirement>> parse_document_requirements(std::string_view spec) {
  std::vector<DocumentRequirement> requirements;
  if (qc::same_name(spec, "none")) return requirements;
  while (!spec.empty()) {
    const std::string_view group = next_item(spec, ';');
    if (group.empty()) continue;
    auto requirement = parse_one(group);
    if (!requirement) return fail(requirement.error());
    for (const DocumentRequirement& existing : requirements) {
      if (qc::same_name(existing.kind, requirement->kind)) {
        return fail("validation",
                    "RISK_REQUIRED_DOCUMENTS: kind '" + requirement->kind + "' is listed twice");
      }
    }
    requirements.push_back(std::move(*requirement));
    if (requirements.size() > kMaxDocumentKinds) {
      return fail("validation", "RISK_REQUIRED_DOCUMENTS: at most " +
                                    std::to_string(kMaxDocumentKinds) + " kinds");
    }
  }
  return requirements;
}

std::vector<std::string> parse_word_list(std::string_view comma_separated) {
  std::vector<std::string> words;
  while (!comma_separated.empty()) {
    const std::string_view word = next_item(comma_separated, ',');
    if (!word.empty()) words.emplace_back(word);
  }
  return words;
}

bool is_photo(const RiskFile& file) {
  return file.record_type == 2 || qc::same_name(file.record_type_name, "Photo");
}

DocumentMatcher::DocumentMatcher(const DocumentRules& rules) {
  const size_t count = std::min(rules.requirements.size(), kMaxDocumentKinds);
  for (size_t i = 0; i < count; ++i) {
    for (const std::string& keyword : rules.requirements[i].keywords) {
      keywords_.add(keyword, static_cast<uint32_t>(i));
    }
  }
  for (const std::string& word : rules.exclude_words) excluded_.add(word);
}

uint32_t DocumentMatcher::satisfied(std::span<const RiskFile> files, uint32_t wanted) const {
  uint32_t found = 0;
  for (const RiskFile& file : files) {
    if ((found & wanted) == wanted) break;
    if (is_photo(file)) continue;
    const qc::TokenizedText filename(file.filename);
    const qc::TokenizedText caption(file.description);
    const qc::TokenizedText type_name(file.record_type_name);
    if (excluded_.contains_any(filename) || excluded_.contains_any(caption) ||
        excluded_.contains_any(type_name)) {
      continue;
    }
    for (const qc::TokenizedText* text : {&filename, &caption, &type_name}) {
      for (size_t position = 0; position < text->size(); ++position) {
        const qc::PhraseTable::Match match = keywords_.longest_at(*text, position);
        if (match.words > 0) found |= (1U << match.tag) & wanted;
      }
    }
  }
  return found & wanted;
}

}  // namespace gep::risk

#include "portal/settings.h"

#include <algorithm>

#include "qc/text.h"

namespace gep::portal {

Result<std::vector<qc::PhotoCategory>> parse_shared_photo_categories(std::string_view text) {
  std::vector<qc::PhotoCategory> categories;
  if (qc::same_name(text, "none")) return categories;
  for (const std::string& word : risk::parse_word_list(text)) {
    const auto category = qc::parse_category(word);
    if (!category) {
      return fail("validation", "PORTAL_SHARED_PHOTO_CATEGORIES: unknown category '" + word +
                                    "' (use BEFORE, DURING, AFTER or none)");
    }
    if (*category == qc::PhotoCategory::uncategorized) {
      return fail("validation",
                  "PORTAL_SHARED_PHOTO_CATEGORIES: UNCATEGORIZED photos are never shared");
    }
    if (std::find(categories.begin(), categories.end(), *category) == categories.end()) {
      categories.push_back(*category);
    }
  }
  return categories;
}

Result<ViewSettings> view_settings_from_config(const Config& config) {
  ViewSettings settings;
  auto categories = parse_shared_photo_categories(config.portal_shared_photo_categories);
  if (!categories) return fail(categories.error());
  settings.shared_photo_categories = std::move(*categories);
  auto stages = qc::parse_stage_map(config.job_stage_statuses);
  if (!stages) return fail("validation", "JOB_STAGE_STATUSES: " + stages.error().message);
  settings.stages = std::move(*stages);
  // The kinds risk requires are the paperwork a homeowner signs or waits for; "none" there only
  // switches the risk rule off, so the portal then keeps the default kinds.
  const std::string_view spec = qc::trim(config.risk_required_documents);
  if (!spec.empty() && !qc::same_name(spec, "none")) {
    auto requirements = risk::parse_document_requirements(spec);
    if (!requirements) return fail(requirements.error());
    settings.documents.requirements = std::move(*requirements);
  }
  if (!qc::trim(config.risk_document_exclude_words).empty()) {
    settings.documents.exclude_words = risk::parse_word_list(config.risk_document_exclude_words);
  }
  settings.company = {config.portal_company_name, config.portal_company_phone,
                      config.portal_company_email};
  return settings;
}

AccessSettings access_settings_from_config(const Config& config) {
  AccessSettings settings;
  settings.link_ttl_seconds = int64_t{config.portal_link_ttl_minutes} * 60;
  settings.session_idle_seconds = int64_t{config.portal_session_idle_minutes} * 60;
  settings.session_absolute_seconds = int64_t{config.portal_session_absolute_hours} * 3600;
  return settings;
}

}  // namespace gep::portal

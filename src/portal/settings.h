#pragma once
// What the portal shares and how long its links and sessions live. Built once from the
// configuration (portal_settings_from_config); a bad value stops start-up with its variable.
//
// Sharing rules (documented in README "Customer portal"):
// - A file marked private in JobNimbus, or deleted, is never shared.
// - Photos: shared when their QC category (qc/classifier.h) is in PORTAL_SHARED_PHOTO_CATEGORIES
//   (default AFTER,DURING). UNCATEGORIZED photos are never shared: nobody knows what they show.
// - Documents (every non-photo file): shared when they are customer-facing paperwork, recognised
//   by the risk module's document keywords (risk/documents.h: signed contract, permit,
//   interconnection approval, or RISK_REQUIRED_DOCUMENTS' kinds) and not disqualified by an
//   exclusion word (draft, unsigned, application, pending, ...).
// - Staff may override either default per file (files.portal_shareable; NULL keeps the default),
//   but an override never shares a private file or an UNCATEGORIZED photo.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "qc/category.h"
#include "qc/stage.h"
#include "risk/documents.h"

namespace gep::portal {

struct CompanyContact {
  std::string name;
  std::string phone;
  std::string email;
};

struct ViewSettings {
  std::vector<qc::PhotoCategory> shared_photo_categories{qc::PhotoCategory::after,
                                                         qc::PhotoCategory::during};
  qc::StageMap stages = qc::StageMap::defaults();
  risk::DocumentRules documents = risk::default_document_rules();
  CompanyContact company;
};

struct AccessSettings {
  int64_t link_ttl_seconds = 60 * 60;
  int64_t session_idle_seconds = 2 * 60 * 60;
  int64_t session_absolute_seconds = 7 * 24 * 60 * 60;
};

// "AFTER,DURING" (case-insensitive); "none" shares no photo. UNCATEGORIZED is refused.
Result<std::vector<qc::PhotoCategory>> parse_shared_photo_categories(std::string_view text);

Result<ViewSettings> view_settings_from_config(const Config& config);
AccessSettings access_settings_from_config(const Config& config);

}  // namespace gep::portal

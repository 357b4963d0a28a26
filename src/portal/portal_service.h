#pragma once
// The portal over the mirror: reads a job's data through the domain's repositories and builds its
// PortalJobView. Ownership checks live here, so every caller (HTTP, future UI) gets them: a job
// that is not related to the contact is reported exactly like a job that does not exist.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/data_store.h"
#include "portal/job_view.h"
#include "portal/portal_store.h"
#include "portal/settings.h"

namespace gep::portal {

class PortalService {
 public:
  PortalService(domain::Repositories& store, FileShareRepository& shares, ViewSettings settings)
      : store_(store), shares_(shares), settings_(std::move(settings)) {}

  // Any active job, by our id or its jnid (the internal preview).
  Result<std::optional<PortalJobView>> view(std::string_view job_key);
  // The job only when it is related to the contact (job_contacts, primary or not).
  Result<std::optional<PortalJobView>> view_for_contact(std::string_view job_key,
                                                        std::string_view contact_jnid);
  // The contact's active jobs (summaries), newest first.
  Result<std::vector<PortalJobView>> jobs_for_contact(std::string_view contact_jnid);
  // The JobNimbus id of a file the contact may download from that job, or nullopt.
  Result<std::optional<std::string>> shared_file_jnid(std::string_view job_key,
                                                      std::string_view contact_jnid,
                                                      int64_t file_id);

  // An active contact by jnid or e-mail (case-insensitive). Errors: not_found, ambiguous.
  Result<domain::Contact> find_contact(std::string_view key);
  Result<std::optional<domain::Contact>> contact(std::string_view jnid);

  const ViewSettings& settings() const { return settings_; }

 private:
  Result<std::optional<domain::Job>> active_job(std::string_view key);
  Result<bool> is_related(const domain::Job& job, std::string_view contact_jnid);
  Result<PortalJobView> build(const domain::Job& job);

  domain::Repositories& store_;
  FileShareRepository& shares_;
  ViewSettings settings_;
};

}  // namespace gep::portal

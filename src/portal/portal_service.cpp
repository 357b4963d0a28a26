#include "portal/portal_service.h"

#include <algorithm>

#include "domain/job_lookup.h"

namespace gep::portal {
namespace {

using OptionalView = std::optional<PortalJobView>;

}  // namespace

Result<std::optional<domain::Job>> PortalService::active_job(std::string_view key) {
  auto found = domain::find_job(store_.jobs(), key);
  if (!found) return fail(found.error());
  if (found->has_value() && (*found)->deleted_at) return std::optional<domain::Job>();
  return found;
}

Result<bool> PortalService::is_related(const domain::Job& job, std::string_view contact_jnid) {
  if (contact_jnid.empty()) return false;
  const auto links = store_.job_contacts().list_for_job(job.jnid);
  if (!links) return fail(links.error());
  return std::any_of(links->begin(), links->end(), [&](const domain::JobContact& link) {
    return link.contact_jnid == contact_jnid;
  });
}

Result<PortalJobView> PortalService::build(const domain::Job& job) {
  PortalJobInput input;
  input.job = job;
  auto files = store_.files().list_for_job(job.jnid);
  if (!files) return fail(files.error());
  input.files = std::move(*files);
  auto changes = store_.activities().status_changes_for_job(job.jnid);
  if (!changes) return fail(changes.error());
  input.status_changes = std::move(*changes);
  auto overrides = shares_.overrides_for_job(job.jnid);
  if (!overrides) return fail(overrides.error());
  input.share_overrides = std::move(*overrides);
  return build_portal_job_view(input, settings_);
}

Result<OptionalView> PortalService::view(std::string_view job_key) {
  const auto job = active_job(job_key);
  if (!job) return fail(job.error());
  if (!job->has_value()) return OptionalView();
  auto built = build(**job);
  if (!built) return fail(built.error());
  return OptionalView(std::move(*built));
}

Result<OptionalView> PortalService::view_for_contact(std::string_view job_key,
                                                     std::string_view contact_jnid) {
  const auto job = active_job(job_key);
  if (!job) return fail(job.error());
  if (!job->has_value()) return OptionalView();
  const auto related = is_related(**job, contact_jnid);
  if (!related) return fail(related.error());
  if (!*related) return OptionalView();
  auto built = build(**job);
  if (!built) return fail(built.error());
  return OptionalView(std::move(*built));
}

Result<std::vector<PortalJobView>> PortalService::jobs_for_contact(std::string_view contact_jnid) {
  const auto links = store_.job_contacts().list_for_contact(contact_jnid);
  if (!links) return fail(links.error());
  std::vector<std::string> jnids;
  for (const auto& link : *links) jnids.push_back(link.job_jnid);
  std::sort(jnids.begin(), jnids.end());
  jnids.erase(std::unique(jnids.begin(), jnids.end()), jnids.end());
  auto jobs = store_.jobs().find_by_jnids(jnids);
  if (!jobs) return fail(jobs.error());
  std::erase_if(*jobs, [](const domain::Job& job) { return job.deleted_at.has_value(); });
  std::sort(jobs->begin(), jobs->end(), [](const domain::Job& a, const domain::Job& b) {
    return a.jn_date_created != b.jn_date_created ? a.jn_date_created > b.jn_date_created
                                                  : a.id > b.id;
  });
  std::vector<PortalJobView> summaries;
  summaries.reserve(jobs->size());
  for (const auto& job : *jobs) summaries.push_back(build_portal_job_summary(job, settings_));
  return summaries;
}

Result<std::optional<std::string>> PortalService::shared_file_jnid(std::string_view job_key,
                                                                   std::string_view contact_jnid,
                                                                   int64_t file_id) {
  const auto view = view_for_contact(job_key, contact_jnid);
  if (!view) return fail(view.error());
  if (!view->has_value()) return std::optional<std::string>();
  const auto shared = [file_id](const SharedFile& file) { return file.id == file_id; };
  const auto& photos = (*view)->photos;
  const auto& documents = (*view)->documents;
  if (std::none_of(photos.begin(), photos.end(), shared) &&
      std::none_of(documents.begin(), documents.end(), shared)) {
    return std::optional<std::string>();
  }
  const auto file = store_.files().find_by_id(file_id);
  if (!file) return fail(file.error());
  if (!file->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*file)->jnid);
}

Result<domain::Contact> PortalService::find_contact(std::string_view key) {
  if (key.find('@') != std::string_view::npos) {
    auto matches = store_.contacts().find_by_email(key);
    if (!matches) return fail(matches.error());
    if (matches->empty()) return fail("not_found", "no contact with e-mail " + std::string(key));
    if (matches->size() > 1) {
      return fail("ambiguous", std::to_string(matches->size()) + " contacts have e-mail " +
                                   std::string(key) + "; name one by its JobNimbus id");
    }
    return std::move(matches->front());
  }
  auto found = contact(key);
  if (!found) return fail(found.error());
  if (!found->has_value()) return fail("not_found", "no contact " + std::string(key));
  return std::move(**found);
}

Result<std::optional<domain::Contact>> PortalService::contact(std::string_view jnid) {
  auto found = store_.contacts().find_by_jnid(jnid);
  if (!found) return fail(found.error());
  if (found->has_value() && (*found)->deleted_at) return std::optional<domain::Contact>();
  return found;
}

}  // namespace gep::portal

#include "domain/job_details.h"

#include <unordered_map>

#include "domain/job_lookup.h"

namespace gep::domain {

Result<std::optional<JobDetails>> JobDirectory::details(std::string_view key) const {
  auto found = find_job(jobs_, key);
  if (!found) return fail(found.error());
  if (!found->has_value()) return std::optional<JobDetails>{};
  JobDetails details{std::move(**found), {}, {}, {}};
  auto contacts = contacts_of(details.job);
  if (!contacts) return fail(contacts.error());
  details.contacts = std::move(contacts).value();
  auto files = files_.list_for_job(details.job.jnid);
  if (!files) return fail(files.error());
  for (auto& file : *files) {
    (file.kind == FileKind::photo ? details.photos : details.documents).push_back(std::move(file));
  }
  return std::optional<JobDetails>(std::move(details));
}

// One lookup for all of the job's contacts, not one per link.
Result<std::vector<LinkedContact>> JobDirectory::contacts_of(const Job& job) const {
  const auto links = links_.list_for_job(job.jnid);
  if (!links) return fail(links.error());
  std::vector<std::string> jnids;
  jnids.reserve(links->size());
  for (const auto& link : *links) jnids.push_back(link.contact_jnid);
  auto found = contacts_.find_by_jnids(jnids);
  if (!found) return fail(found.error());
  std::unordered_map<std::string, Contact> by_jnid;
  for (auto& contact : *found) by_jnid.emplace(contact.jnid, std::move(contact));
  std::vector<LinkedContact> contacts;
  contacts.reserve(links->size());
  for (const auto& link : *links) {
    const auto contact = by_jnid.find(link.contact_jnid);
    contacts.push_back(
        {link.contact_jnid, link.is_primary,
         contact == by_jnid.end() ? std::nullopt : std::optional<Contact>(contact->second)});
  }
  return contacts;
}

}  // namespace gep::domain

#pragma once
// Which gateway listing, repository and mapping serve each pulled entity, so the pull loop is
// written once for jobs, contacts and files.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/data_store.h"
#include "sync/jobnimbus_gateway.h"
#include "sync/record_mapping.h"

namespace gep::sync {

template <class Wire>
struct EntityBinding;

template <>
struct EntityBinding<jobnimbus::Job> {
  using Record = domain::Job;
  static constexpr jobnimbus::Entity kEntity = jobnimbus::Entity::jobs;
  static auto listing(JobNimbusGateway& gateway, const jobnimbus::StreamCursor& start) {
    return gateway.jobs(start);
  }
  static auto by_ids(JobNimbusGateway& gateway, std::span<const std::string> jnids) {
    return gateway.jobs_with_ids(jnids);
  }
  static std::optional<jobnimbus::ApiResult<jobnimbus::Job>> by_id(JobNimbusGateway& gateway,
                                                                   const std::string& jnid) {
    return gateway.job(jnid);
  }
  static domain::JobRepository& repository(domain::Repositories& repositories) {
    return repositories.jobs();
  }
  // Jobs also carry their contact links, replaced with the job in the same transaction. A job
  // stored unchanged (same raw JSON) keeps its links; a new one has none to clear.
  static Status store_extras(domain::Repositories& repositories,
                             const std::vector<jobnimbus::Job>& page,
                             const domain::UpsertCounts& written) {
    if (written.created_jnids.empty() && written.updated_jnids.empty()) return {};
    std::unordered_set<std::string_view> rewritten(written.created_jnids.begin(),
                                                   written.created_jnids.end());
    rewritten.insert(written.updated_jnids.begin(), written.updated_jnids.end());
    std::vector<domain::JobContact> links;
    // A job listed twice in a page was stored as its last copy: its links come from that copy.
    for (auto job = page.rbegin(); job != page.rend(); ++job) {
      if (rewritten.erase(job->jnid) == 0) continue;
      for (auto& link : contact_links(*job)) links.push_back(std::move(link));
    }
    return repositories.job_contacts().replace_for_jobs(written.updated_jnids, links);
  }
};

template <>
struct EntityBinding<jobnimbus::Contact> {
  using Record = domain::Contact;
  static constexpr jobnimbus::Entity kEntity = jobnimbus::Entity::contacts;
  static auto listing(JobNimbusGateway& gateway, const jobnimbus::StreamCursor& start) {
    return gateway.contacts(start);
  }
  static auto by_ids(JobNimbusGateway& gateway, std::span<const std::string> jnids) {
    return gateway.contacts_with_ids(jnids);
  }
  static std::optional<jobnimbus::ApiResult<jobnimbus::Contact>> by_id(JobNimbusGateway& gateway,
                                                                       const std::string& jnid) {
    return gateway.contact(jnid);
  }
  static domain::ContactRepository& repository(domain::Repositories& repositories) {
    return repositories.contacts();
  }
  static Status store_extras(domain::Repositories&, const std::vector<jobnimbus::Contact>&,
                             const domain::UpsertCounts&) {
    return {};
  }
};

template <>
struct EntityBinding<jobnimbus::FileRecord> {
  using Record = domain::File;
  static constexpr jobnimbus::Entity kEntity = jobnimbus::Entity::files;
  static auto listing(JobNimbusGateway& gateway, const jobnimbus::StreamCursor& start) {
    return gateway.files(start);
  }
  static auto by_ids(JobNimbusGateway& gateway, std::span<const std::string> jnids) {
    return gateway.files_with_ids(jnids);
  }
  // GET /files/{jnid} answers the bytes, not the record: there is no single-record fallback.
  static std::optional<jobnimbus::ApiResult<jobnimbus::FileRecord>> by_id(JobNimbusGateway&,
                                                                          const std::string&) {
    return std::nullopt;
  }
  static domain::FileRepository& repository(domain::Repositories& repositories) {
    return repositories.files();
  }
  static Status store_extras(domain::Repositories&, const std::vector<jobnimbus::FileRecord>&,
                             const domain::UpsertCounts&) {
    return {};
  }
};

}  // namespace gep::sync

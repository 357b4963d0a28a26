#pragma once
// Which gateway listing, repository and mapping serve each pulled entity, so the pull loop is
// written once for jobs, contacts and files.
#include <memory>

#include "domain/data_store.h"
#include "sync/jobnimbus_gateway.h"
#include "sync/record_mapping.h"

namespace gep::sync {

template <class Wire>
struct EntityBinding;

template <>
struct EntityBinding<jobnimbus::Job> {
  using Record = domain::Job;
  static auto listing(JobNimbusGateway& gateway, const jobnimbus::StreamCursor& start) {
    return gateway.jobs(start);
  }
  static domain::JobRepository& repository(domain::Repositories& repositories) {
    return repositories.jobs();
  }
  // Jobs also carry their contact links, replaced with the job in the same transaction.
  static Status store_extras(domain::Repositories& repositories,
                             const std::vector<jobnimbus::Job>& page) {
    std::vector<std::string> jnids;
    std::vector<domain::JobContact> links;
    for (const auto& job : page) {
      jnids.push_back(job.jnid);
      for (auto& link : contact_links(job)) links.push_back(std::move(link));
    }
    return repositories.job_contacts().replace_for_jobs(jnids, links);
  }
};

template <>
struct EntityBinding<jobnimbus::Contact> {
  using Record = domain::Contact;
  static auto listing(JobNimbusGateway& gateway, const jobnimbus::StreamCursor& start) {
    return gateway.contacts(start);
  }
  static domain::ContactRepository& repository(domain::Repositories& repositories) {
    return repositories.contacts();
  }
  static Status store_extras(domain::Repositories&, const std::vector<jobnimbus::Contact>&) {
    return {};
  }
};

template <>
struct EntityBinding<jobnimbus::FileRecord> {
  using Record = domain::File;
  static auto listing(JobNimbusGateway& gateway, const jobnimbus::StreamCursor& start) {
    return gateway.files(start);
  }
  static domain::FileRepository& repository(domain::Repositories& repositories) {
    return repositories.files();
  }
  static Status store_extras(domain::Repositories&, const std::vector<jobnimbus::FileRecord>&) {
    return {};
  }
};

}  // namespace gep::sync

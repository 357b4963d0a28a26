#pragma once
// The job as a person looks at it: its record with the contacts linked to it and its files split
// into photos and documents. The API's job route and the job pages read it here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/repositories.h"

namespace gep::domain {

struct LinkedContact {
  std::string contact_jnid;
  bool is_primary = false;
  std::optional<Contact> contact;  // absent when the link names a contact not mirrored (yet)
};

struct JobDetails {
  Job job;
  std::vector<LinkedContact> contacts;
  std::vector<File> photos;
  std::vector<File> documents;  // every file that is not a photo
};

class JobDirectory {
 public:
  JobDirectory(JobRepository& jobs, ContactRepository& contacts, JobContactRepository& links,
               FileRepository& files)
      : jobs_(jobs), contacts_(contacts), links_(links), files_(files) {}

  Result<Page<Job>> list(const ListQuery& query) const { return jobs_.list(query); }
  // `key` is our id or the JobNimbus jnid; deleted jobs are found too. nullopt: no such job.
  Result<std::optional<JobDetails>> details(std::string_view key) const;

 private:
  Result<std::vector<LinkedContact>> contacts_of(const Job& job) const;

  JobRepository& jobs_;
  ContactRepository& contacts_;
  JobContactRepository& links_;
  FileRepository& files_;
};

}  // namespace gep::domain

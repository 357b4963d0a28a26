#pragma once
#include "domain/repositories.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlJobContactRepository final : public domain::JobContactRepository {
 public:
  explicit SqlJobContactRepository(ConnectionSource& source) : source_(source) {}

  Status replace_for_jobs(std::span<const std::string> job_jnids,
                          std::span<const domain::JobContact> links) override;
  Result<std::vector<domain::JobContact>> list_for_job(std::string_view job_jnid) override;
  Result<std::vector<domain::JobContact>> list_for_contact(std::string_view contact_jnid) override;

 private:
  Result<std::vector<domain::JobContact>> list_where(std::string_view column,
                                                     std::string_view jnid);

  ConnectionSource& source_;
};

}  // namespace gep::store

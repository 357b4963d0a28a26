#pragma once
#include "store/repos/record_repository.h"

namespace gep::store {

struct JobTraits {
  using Record = domain::Job;
  static const RecordTable& table();
  static void append_content(const Record& job, std::vector<sql::Value>& out);
  static std::string search_text(const Record& job);
  static Record from_row(const sql::Row& row);
};

class SqlJobRepository final : public SqlRecordRepository<domain::JobRepository, JobTraits> {
 public:
  using SqlRecordRepository::SqlRecordRepository;

  Result<domain::Page<domain::Job>> list(const domain::ListQuery& query) override;
  Status mark_files_synced(std::span<const std::string> job_jnids, int64_t synced_at) override;
  Status mark_all_files_synced(int64_t synced_at) override;
};

}  // namespace gep::store

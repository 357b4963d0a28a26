#pragma once
#include "store/repos/record_repository.h"

namespace gep::store {

struct ActivityTraits {
  using Record = domain::Activity;
  static const RecordTable& table();
  static void append_content(const Record& activity, std::vector<sql::Value>& out);
  static std::string search_text(const Record&) { return {}; }
  static Record from_row(const sql::Row& row);
};

class SqlActivityRepository final
    : public SqlRecordRepository<domain::ActivityRepository, ActivityTraits> {
 public:
  using SqlRecordRepository::SqlRecordRepository;

  Result<std::vector<domain::Activity>> list_for_job(std::string_view job_jnid) override;
  Result<std::vector<domain::Activity>> status_changes_for_job(std::string_view job_jnid) override;
};

}  // namespace gep::store

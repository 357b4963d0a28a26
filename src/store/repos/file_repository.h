#pragma once
#include "store/repos/record_repository.h"

namespace gep::store {

struct FileTraits {
  using Record = domain::File;
  static const RecordTable& table();
  static void append_content(const Record& file, std::vector<sql::Value>& out);
  static std::string search_text(const Record&) { return {}; }
  static Record from_row(const sql::Row& row);
};

class SqlFileRepository final : public SqlRecordRepository<domain::FileRepository, FileTraits> {
 public:
  using SqlRecordRepository::SqlRecordRepository;

  Result<std::vector<domain::File>> list_for_job(std::string_view job_jnid,
                                                 std::optional<domain::FileKind> kind) override;
};

}  // namespace gep::store

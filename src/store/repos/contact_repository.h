#pragma once
#include "store/repos/record_repository.h"

namespace gep::store {

struct ContactTraits {
  using Record = domain::Contact;
  static const RecordTable& table();
  static void append_content(const Record& contact, std::vector<sql::Value>& out);
  static std::string search_text(const Record& contact);
  static Record from_row(const sql::Row& row);
};

class SqlContactRepository final
    : public SqlRecordRepository<domain::ContactRepository, ContactTraits> {
 public:
  using SqlRecordRepository::SqlRecordRepository;

  Result<domain::Page<domain::Contact>> list(const domain::ListQuery& query) override;
  Result<std::vector<domain::Contact>> find_by_email(std::string_view email) override;
};

}  // namespace gep::store

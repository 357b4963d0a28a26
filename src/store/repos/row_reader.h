#pragma once
// Reads a row's cells in order, so that a mapping reads columns in the order it selected them
// instead of by hand-counted index.
#include "store/sql/value.h"

namespace gep::store {

class RowReader {
 public:
  explicit RowReader(const sql::Row& row) : row_(row) {}

  std::string text() { return row_.text(next_++); }
  int64_t integer() { return row_.integer(next_++); }
  std::optional<int64_t> optional_integer() { return row_.optional_integer(next_++); }
  bool boolean() { return row_.boolean(next_++); }

  // The bookkeeping columns every record table selects after its content.
  template <class Record>
  void bookkeeping(Record& record) {
    record.deleted_at = optional_integer();
    record.created_at = integer();
    record.updated_at = integer();
  }

 private:
  const sql::Row& row_;
  size_t next_ = 0;
};

}  // namespace gep::store

#include "store/repos/file_repository.h"

#include "store/repos/row_reader.h"

namespace gep::store {

const RecordTable& FileTraits::table() {
  static const RecordTable files(
      "files",
      {"jnid", "job_jnid", "kind", "record_type_id", "record_type_name", "caption", "filename",
       "content_type", "size_bytes", "md5", "date_file_created", "jn_date_created",
       "jn_date_updated", "is_private", "is_active", "created_by_name", "raw_json"},
      false);
  return files;
}

void FileTraits::append_content(const Record& file, std::vector<sql::Value>& out) {
  out.emplace_back(file.jnid);
  out.emplace_back(file.job_jnid);
  out.emplace_back(std::string(domain::to_string(file.kind)));
  out.push_back(sql::zero_as_null(file.record_type_id));
  out.emplace_back(file.record_type_name);
  out.emplace_back(file.caption);
  out.emplace_back(file.filename);
  out.emplace_back(file.content_type);
  out.emplace_back(file.size_bytes);
  out.emplace_back(file.md5);
  out.push_back(sql::zero_as_null(file.date_file_created));
  out.push_back(sql::zero_as_null(file.jn_date_created));
  out.push_back(sql::zero_as_null(file.jn_date_updated));
  out.push_back(sql::boolean_value(file.is_private));
  out.push_back(sql::boolean_value(file.is_active));
  out.emplace_back(file.created_by_name);
  out.emplace_back(file.raw_json);
}

domain::File FileTraits::from_row(const sql::Row& row) {
  RowReader read(row);
  domain::File file;
  file.id = read.integer();
  file.jnid = read.text();
  file.job_jnid = read.text();
  file.kind = domain::parse_file_kind(read.text()).value_or(domain::FileKind::other);
  file.record_type_id = read.integer();
  file.record_type_name = read.text();
  file.caption = read.text();
  file.filename = read.text();
  file.content_type = read.text();
  file.size_bytes = read.integer();
  file.md5 = read.text();
  file.date_file_created = read.integer();
  file.jn_date_created = read.integer();
  file.jn_date_updated = read.integer();
  file.is_private = read.boolean();
  file.is_active = read.boolean();
  file.created_by_name = read.text();
  file.raw_json = read.text();
  read.bookkeeping(file);
  return file;
}

Result<std::vector<domain::File>> SqlFileRepository::list_for_job(
    std::string_view job_jnid, std::optional<domain::FileKind> kind) {
  Filter filter;
  filter.add("deleted_at IS NULL");
  filter.add("job_jnid = ?", sql::Value{std::string(job_jnid)});
  if (kind) filter.add("kind = ?", sql::Value{std::string(domain::to_string(*kind))});
  return find_all(
      filter, "COALESCE(date_file_created, jn_date_created, 0), COALESCE(jn_date_created, 0), id");
}

}  // namespace gep::store

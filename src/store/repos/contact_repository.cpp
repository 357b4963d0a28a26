#include "store/repos/contact_repository.h"

#include "store/repos/row_reader.h"
#include "store/repos/search_text.h"

namespace gep::store {

const RecordTable& ContactTraits::table() {
  static const RecordTable contacts("contacts",
                                    {"jnid",
                                     "number",
                                     "first_name",
                                     "last_name",
                                     "display_name",
                                     "company",
                                     "email",
                                     "home_phone",
                                     "mobile_phone",
                                     "work_phone",
                                     "address_line1",
                                     "address_line2",
                                     "city",
                                     "state",
                                     "zip",
                                     "status_name",
                                     "record_type_name",
                                     "is_sub_contractor",
                                     "is_active",
                                     "jn_date_created",
                                     "jn_date_updated",
                                     "raw_json"},
                                    true);
  return contacts;
}

void ContactTraits::append_content(const Record& contact, std::vector<sql::Value>& out) {
  out.emplace_back(contact.jnid);
  out.emplace_back(contact.number);
  out.emplace_back(contact.first_name);
  out.emplace_back(contact.last_name);
  out.emplace_back(contact.display_name);
  out.emplace_back(contact.company);
  out.emplace_back(contact.email);
  out.emplace_back(contact.home_phone);
  out.emplace_back(contact.mobile_phone);
  out.emplace_back(contact.work_phone);
  out.emplace_back(contact.address_line1);
  out.emplace_back(contact.address_line2);
  out.emplace_back(contact.city);
  out.emplace_back(contact.state);
  out.emplace_back(contact.zip);
  out.emplace_back(contact.status_name);
  out.emplace_back(contact.record_type_name);
  out.push_back(sql::boolean_value(contact.is_sub_contractor));
  out.push_back(sql::boolean_value(contact.is_active));
  out.push_back(sql::zero_as_null(contact.jn_date_created));
  out.push_back(sql::zero_as_null(contact.jn_date_updated));
  out.emplace_back(contact.raw_json);
}

std::string ContactTraits::search_text(const Record& contact) {
  return search_text_of({contact.display_name, contact.first_name, contact.last_name,
                         contact.number, contact.company, contact.email, contact.home_phone,
                         contact.mobile_phone, contact.work_phone, contact.address_line1,
                         contact.address_line2, contact.city, contact.state, contact.zip});
}

domain::Contact ContactTraits::from_row(const sql::Row& row) {
  RowReader read(row);
  domain::Contact contact;
  contact.id = read.integer();
  contact.jnid = read.text();
  contact.number = read.text();
  contact.first_name = read.text();
  contact.last_name = read.text();
  contact.display_name = read.text();
  contact.company = read.text();
  contact.email = read.text();
  contact.home_phone = read.text();
  contact.mobile_phone = read.text();
  contact.work_phone = read.text();
  contact.address_line1 = read.text();
  contact.address_line2 = read.text();
  contact.city = read.text();
  contact.state = read.text();
  contact.zip = read.text();
  contact.status_name = read.text();
  contact.record_type_name = read.text();
  contact.is_sub_contractor = read.boolean();
  contact.is_active = read.boolean();
  contact.jn_date_created = read.integer();
  contact.jn_date_updated = read.integer();
  contact.raw_json = read.text();
  read.bookkeeping(contact);
  return contact;
}

Result<domain::Page<domain::Contact>> SqlContactRepository::list(const domain::ListQuery& query) {
  Filter filter;
  if (!query.include_deleted) filter.add("deleted_at IS NULL");
  if (!query.status.empty()) filter.add("status_name = ?", sql::Value{query.status});
  return find_page(filter, query);
}

Result<std::vector<domain::Contact>> SqlContactRepository::find_by_email(std::string_view email) {
  Filter filter;
  filter.add("deleted_at IS NULL");
  // lower() on both sides matches the contacts_email_idx expression index.
  filter.add("lower(email) = lower(?)", sql::Value{std::string(email)});
  return find_all(filter, "id");
}

}  // namespace gep::store

#include "store/repos/user_repository.h"

#include "store/database.h"
#include "store/repos/row_reader.h"

namespace gep::store {
namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, role, password_hash, disabled, locked_until, created_at, "
    "updated_at, password_changed_at, last_login_at";

auth::User user_from(const sql::Row& row) {
  RowReader read(row);
  auth::User user;
  user.id = read.integer();
  user.username = read.text();
  user.display_name = read.text();
  user.role = auth::parse_role(read.text()).value_or(auth::Role::staff);
  user.password_hash = read.text();
  user.disabled = read.boolean();
  user.locked_until = read.optional_integer();
  user.created_at = read.integer();
  user.updated_at = read.integer();
  user.password_changed_at = read.integer();
  user.last_login_at = read.optional_integer();
  return user;
}

}  // namespace

Result<auth::User> SqlUserRepository::create(const auth::NewUser& user, int64_t now) {
  return run_on<auth::User>(*source_, true, [&](sql::Connection& connection) -> Result<auth::User> {
    const auto rows = connection.query(
        std::string("INSERT INTO users (username, display_name, role, password_hash, disabled, "
                    "created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (username) DO NOTHING RETURNING ") +
            kUserColumns,
        {sql::Value{user.username}, sql::Value{user.display_name},
         sql::Value{std::string(auth::to_string(user.role))}, sql::Value{user.password_hash},
         sql::boolean_value(false), sql::Value{now}, sql::Value{now}, sql::Value{now}});
    if (!rows) return fail(rows.error());
    if (rows->empty()) return fail("conflict", "user " + user.username + " already exists");
    return user_from(rows->front());
  });
}

Result<std::optional<auth::User>> SqlUserRepository::find_where(const char* condition,
                                                                sql::Value value) {
  using Found = std::optional<auth::User>;
  return run_on<Found>(*source_, false, [&](sql::Connection& connection) -> Result<Found> {
    const auto rows = connection.query(
        std::string("SELECT ") + kUserColumns + " FROM users WHERE " + condition, {value});
    if (!rows) return fail(rows.error());
    if (rows->empty()) return Found();
    return Found(user_from(rows->front()));
  });
}

Result<std::optional<auth::User>> SqlUserRepository::find_by_username(const std::string& username) {
  return find_where("username = ?", sql::Value{username});
}

Result<std::optional<auth::User>> SqlUserRepository::find_by_id(int64_t id) {
  return find_where("id = ?", sql::Value{id});
}

Result<std::vector<auth::User>> SqlUserRepository::list() {
  using Users = std::vector<auth::User>;
  return run_on<Users>(*source_, false, [](sql::Connection& connection) -> Result<Users> {
    const auto rows =
        connection.query(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
    if (!rows) return fail(rows.error());
    Users users;
    users.reserve(rows->size());
    for (const auto& row : *rows) users.push_back(user_from(row));
    return users;
  });
}

Result<int64_t> SqlUserRepository::count() {
  return run_on<int64_t>(*source_, false, [](sql::Connection& connection) -> Result<int64_t> {
    const auto rows = connection.query("SELECT COUNT(*) FROM users");
    if (!rows) return fail(rows.error());
    return rows->front().integer(0);
  });
}

Status SqlUserRepository::update_one(int64_t id, const std::string& assignments,
                                     std::initializer_list<sql::Value> values) {
  std::vector<sql::Value> params;
  params.reserve(values.size() + 1);
  for (const auto& value : values) params.push_back(value);
  params.emplace_back(id);
  return source_->run(false, [&](sql::Connection& connection) -> Status {
    const auto changed =
        connection.execute("UPDATE users SET " + assignments + " WHERE id = ?", params);
    if (!changed) return fail(changed.error());
    if (*changed == 0) return fail("not_found", "no user " + std::to_string(id));
    return {};
  });
}

Status SqlUserRepository::set_disabled(int64_t id, bool disabled, int64_t now) {
  return update_one(id, "disabled = ?, updated_at = ?",
                    {sql::boolean_value(disabled), sql::Value{now}});
}

Status SqlUserRepository::set_password_hash(int64_t id, const std::string& hash, int64_t now) {
  return update_one(
      id, "password_hash = ?, password_changed_at = ?, updated_at = ?, locked_until = NULL",
      {sql::Value{hash}, sql::Value{now}, sql::Value{now}});
}

Status SqlUserRepository::set_locked_until(int64_t id, std::optional<int64_t> until, int64_t now) {
  return update_one(id, "locked_until = ?, updated_at = ?",
                    {sql::optional_value(until), sql::Value{now}});
}

Status SqlUserRepository::record_login(int64_t id, int64_t now) {
  return update_one(id, "last_login_at = ?", {sql::Value{now}});
}

std::unique_ptr<auth::UserRepository> make_user_repository(Database& database) {
  return std::make_unique<SqlUserRepository>(
      std::make_unique<PooledSource>(database.pool(), database.clock(), database.table_versions()));
}

}  // namespace gep::store

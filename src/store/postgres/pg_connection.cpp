#include "store/postgres/pg_connection.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "core/logging.h"
#include "store/postgres/placeholders.h"

namespace gep::store::postgres {
namespace {

std::string_view error_code_for(std::string_view sqlstate) {
  if (sqlstate.substr(0, 2) == "23") return sql::kConstraintError;
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" || sqlstate == "57014") {
    return sql::kBusyError;
  }
  return sql::kDatabaseError;
}

std::string first_line(const char* text) {
  std::string line = text != nullptr ? text : "";
  line = line.substr(0, line.find('\n'));
  return line.empty() ? "unknown error" : line;
}

// The primary message only: DETAIL lines can quote row values, which do not belong in logs.
Error result_error(PGconn* conn, const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string message = primary != nullptr ? primary : first_line(PQerrorMessage(conn));
  return Error{std::string(error_code_for(state != nullptr ? state : "")), "postgres: " + message};
}

bool succeeded(const PGresult* result) {
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

void route_notice(void* /*unused*/, const char* message) {
  log::debug("postgres: {}", first_line(message));
}

// Text-format parameters: what each value looks like as PostgreSQL input.
class TextParams {
 public:
  Status fill(std::span<const sql::Value> params) {
    storage_.resize(params.size());
    pointers_.resize(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const sql::Value& value = params[i];
      if (const auto* text = std::get_if<std::string>(&value)) {
        // libpq sends text parameters NUL-terminated; PostgreSQL text cannot hold NUL anyway.
        if (std::memchr(text->data(), '\0', text->size()) != nullptr) {
          return fail("validation", "postgres: a text value contains a NUL byte");
        }
        pointers_[i] = text->c_str();
      } else if (const auto* number = std::get_if<int64_t>(&value)) {
        pointers_[i] = format(i, *number);
      } else if (const auto* real = std::get_if<double>(&value)) {
        pointers_[i] = format(i, *real);
      } else {
        pointers_[i] = nullptr;
      }
    }
    return {};
  }
  const char* const* values() const { return pointers_.data(); }

 private:
  template <class Number>
  const char* format(size_t index, Number number) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    storage_[index].assign(buffer, ec == std::errc{} ? end : buffer);
    return storage_[index].c_str();
  }

  std::vector<std::string> storage_;
  std::vector<const char*> pointers_;
};

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& conninfo,
                                                            const PgOptions& options) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return fail(std::string(sql::kDatabaseError), "postgres: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = first_line(PQerrorMessage(conn));
    PQfinish(conn);
    return fail(std::string(sql::kDatabaseError), "postgres: cannot connect: " + message);
  }
  PQsetNoticeProcessor(conn, route_notice, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    PQfinish(conn);
    return fail(std::string(sql::kDatabaseError), "postgres: cannot use UTF8 client encoding");
  }
  return std::unique_ptr<PgConnection>(new PgConnection(conn, options));
}

PgConnection::~PgConnection() {
  PQfinish(conn_);
}

bool PgConnection::is_broken() const {
  return PQstatus(conn_) != CONNECTION_OK;
}

bool PgConnection::in_transaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

void PgConnection::evict_oldest() {
  const auto oldest = std::min_element(
      cache_.begin(), cache_.end(),
      [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; });
  if (oldest == cache_.end()) return;
  // Prepared statements are not transactional: DEALLOCATE takes effect even if the surrounding
  // transaction rolls back. In an aborted transaction it fails and the server copy lingers
  // until the connection closes, which is harmless.
  (void)run_simple("DEALLOCATE " + oldest->second.name);
  cache_.erase(oldest);
}

Result<const PgConnection::PreparedStatement*> PgConnection::prepare(std::string_view sql) {
  if (const auto found = cache_.find(sql); found != cache_.end()) {
    found->second.last_used = ++use_counter_;
    return &found->second;
  }
  if (cache_.size() >= options_.statement_cache_size) evict_oldest();
  const TranslatedSql translated = translate_placeholders(sql);
  PreparedStatement statement{"gep_" + std::to_string(++next_statement_), translated.placeholders,
                              ++use_counter_};
  const ResultPtr prepared(PQprepare(conn_, statement.name.c_str(), translated.text.c_str(),
                                     static_cast<int>(translated.placeholders), nullptr),
                           PQclear);
  if (!prepared || !succeeded(prepared.get())) return fail(result_error(conn_, prepared.get()));
  const auto [inserted, unused] = cache_.emplace(std::string(sql), std::move(statement));
  return &inserted->second;
}

Result<PgConnection::ResultPtr> PgConnection::run(std::string_view sql,
                                                  std::span<const sql::Value> params) {
  const auto statement = prepare(sql);
  if (!statement) return fail(statement.error());
  if ((*statement)->placeholders != params.size()) {
    return fail(std::string(sql::kDatabaseError),
                "postgres: statement has " + std::to_string((*statement)->placeholders) +
                    " placeholders but " + std::to_string(params.size()) + " values were given");
  }
  TextParams text;
  if (const Status filled = text.fill(params); !filled) return fail(filled.error());
  ResultPtr result(
      PQexecPrepared(conn_, (*statement)->name.c_str(), static_cast<int>(params.size()),
                     text.values(), nullptr, nullptr, 0),
      PQclear);
  if (!result || !succeeded(result.get())) return fail(result_error(conn_, result.get()));
  return result;
}

Result<PgConnection::ResultPtr> PgConnection::run_simple(std::string_view sql) {
  const std::string text(sql);
  ResultPtr result(PQexec(conn_, text.c_str()), PQclear);
  if (!result || !succeeded(result.get())) return fail(result_error(conn_, result.get()));
  return result;
}

Result<int64_t> PgConnection::do_execute(std::string_view sql, std::span<const sql::Value> params) {
  const auto result = run(sql, params);
  if (!result) return fail(result.error());
  const char* tuples = PQcmdTuples(result->get());
  int64_t affected = 0;
  std::from_chars(tuples, tuples + std::strlen(tuples), affected);
  return affected;
}

Result<sql::Rows> PgConnection::do_query(std::string_view sql, std::span<const sql::Value> params) {
  const auto result = run(sql, params);
  if (!result) return fail(result.error());
  const PGresult* data = result->get();
  const int row_count = PQntuples(data);
  const int column_count = PQnfields(data);
  sql::Rows rows;
  rows.reserve(static_cast<size_t>(row_count));
  for (int row = 0; row < row_count; ++row) {
    std::vector<sql::Value> cells;
    cells.reserve(static_cast<size_t>(column_count));
    for (int column = 0; column < column_count; ++column) {
      if (PQgetisnull(data, row, column) != 0) {
        cells.emplace_back();
      } else {
        cells.emplace_back(std::string(PQgetvalue(data, row, column),
                                       static_cast<size_t>(PQgetlength(data, row, column))));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

Status PgConnection::execute_script(std::string_view sql) {
  const auto result = run_simple(sql);
  if (!result) return fail(result.error());
  return {};
}

Status PgConnection::begin() {
  return execute_script("BEGIN");
}

Status PgConnection::commit() {
  const auto result = run_simple("COMMIT");
  if (!result) return fail(result.error());
  // COMMIT of a transaction that already failed answers success with the tag ROLLBACK.
  if (std::string_view(PQcmdStatus(result->get())) == "ROLLBACK") {
    return fail(std::string(sql::kDatabaseError),
                "postgres: transaction was rolled back after an earlier error");
  }
  return {};
}

Status PgConnection::rollback() {
  return execute_script("ROLLBACK");
}

Status PgConnection::listen(std::string_view channel) {
  char* const quoted = PQescapeIdentifier(conn_, channel.data(), channel.size());
  if (quoted == nullptr) return fail(std::string(sql::kDatabaseError), "postgres: bad channel");
  const std::string statement = std::string("LISTEN ") + quoted;
  PQfreemem(quoted);
  return execute_script(statement);
}

Result<std::vector<std::string>> PgConnection::take_notifications() {
  if (PQconsumeInput(conn_) == 0) {
    return fail(std::string(sql::kDatabaseError), "postgres: " + first_line(PQerrorMessage(conn_)));
  }
  std::vector<std::string> payloads;
  while (PGnotify* const notice = PQnotifies(conn_)) {
    payloads.emplace_back(notice->extra != nullptr ? notice->extra : "");
    PQfreemem(notice);
  }
  return payloads;
}

}  // namespace gep::store::postgres

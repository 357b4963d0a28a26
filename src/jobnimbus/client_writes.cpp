// The write half of JobNimbusClient: notes, tasks, uploads and status changes.
#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/logging.h"
#include "jobnimbus/base64.h"
#include "jobnimbus/client.h"
#include "jobnimbus/record_parser.h"
#include "jobnimbus/request_executor.h"

namespace gep::jobnimbus {
namespace {

ApiError invalid_input(std::string message) {
  ApiError error;
  error.kind = ApiErrorKind::validation;
  error.message = std::move(message);
  error.attempts = 0;
  return error;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "photo", "image/jpeg", "2", "Document", "application/pdf" -> the API's type code.
int64_t file_type_code(std::string_view file_type) {
  int64_t code = 0;
  const auto [end, error] =
      std::from_chars(file_type.data(), file_type.data() + file_type.size(), code);
  if (error == std::errc{} && end == file_type.data() + file_type.size() && code > 0) return code;
  const std::string name = lower(file_type);
  if (name == "photo" || name.rfind("image/", 0) == 0) return static_cast<int64_t>(FileType::photo);
  if (name == "invoice") return static_cast<int64_t>(FileType::invoice);
  if (name == "email attachment") return static_cast<int64_t>(FileType::email_attachment);
  return static_cast<int64_t>(FileType::document);
}

}  // namespace

template <class Record>
ApiResult<Record> JobNimbusClient::write(HttpMethod method, const std::string& path,
                                         std::string body) {
  auto response = executor_->call(method, path, std::move(body));
  if (!response) return fail(response.error());
  auto record = parse_record<Record>(response->body);
  if (record) return record;
  // The write happened (2xx); reporting a failure would invite a duplicate. Hand back what came.
  log::warn("jobnimbus {} {} succeeded but its answer is unreadable: {}", to_string(method), path,
            record.error().message);
  Record unread;
  unread.raw_json = response->body;
  return unread;
}

ApiResult<Activity> JobNimbusClient::create_note(const std::string& job_jnid,
                                                 const NoteInput& note) {
  if (job_jnid.empty()) return fail(invalid_input("a note needs the job's jnid"));
  if (note.text.empty()) return fail(invalid_input("a note needs text"));
  nlohmann::json body;
  body["note"] = note.text;
  body["record_type_name"] = "Note";
  body["primary"] = {{"id", job_jnid}};
  if (note.contact_id && !note.contact_id->empty()) {
    body["related"] = nlohmann::json::array({{{"id", job_jnid}}, {{"id", *note.contact_id}}});
  }
  return write<Activity>(HttpMethod::post, "/activities", body.dump());
}

ApiResult<Task> JobNimbusClient::create_task(const std::string& job_jnid, const TaskInput& task) {
  if (job_jnid.empty()) return fail(invalid_input("a task needs the job's jnid"));
  if (task.title.empty()) return fail(invalid_input("a task needs a title"));
  nlohmann::json body;
  body["title"] = task.title;
  body["record_type_name"] = task.record_type_name.empty() ? "Task" : task.record_type_name;
  // date_start is required by the API; a task without a due date starts now.
  body["date_start"] = task.due_date.value_or(to_unix_seconds(options().clock->now()));
  if (task.due_date) body["date_end"] = *task.due_date;
  if (task.description) body["description"] = *task.description;
  body["related"] = nlohmann::json::array({{{"id", job_jnid}}});
  return write<Task>(HttpMethod::post, "/tasks", body.dump());
}

ApiResult<FileRecord> JobNimbusClient::upload_attachment(const std::string& job_jnid,
                                                         const UploadInput& upload) {
  if (job_jnid.empty()) return fail(invalid_input("an upload needs the job's jnid"));
  if (upload.file_name.empty()) return fail(invalid_input("an upload needs a file name"));
  if (upload.bytes.empty()) return fail(invalid_input("an upload needs content"));
  nlohmann::json body;
  body["data"] = base64_encode(upload.bytes);
  body["filename"] = upload.file_name;
  body["description"] = upload.description;
  body["type"] = file_type_code(upload.file_type);
  body["subtype"] = "job";
  body["related"] = nlohmann::json::array({job_jnid});
  body["is_private"] = false;
  return write<FileRecord>(HttpMethod::post, "/files", body.dump());
}

ApiResult<Job> JobNimbusClient::update_job_status(const std::string& job_jnid,
                                                  const std::string& status_name) {
  if (job_jnid.empty()) return fail(invalid_input("a status change needs the job's jnid"));
  if (status_name.empty()) return fail(invalid_input("a status change needs the status name"));
  nlohmann::json body;
  body["status_name"] = status_name;
  return write<Job>(HttpMethod::put, record_path("jobs", job_jnid), body.dump());
}

}  // namespace gep::jobnimbus

#include "http/writeback_routes.h"

#include "core/json_input.h"
#include "core/time_format.h"
#include "http/json_response.h"
#include "http/outbox_json.h"
#include "net/multipart.h"

namespace gep::http {
namespace {

using nlohmann::json;

// The request body as a JSON object, or a 400 answer.
std::optional<json> json_body(const Request& request, Response& response) {
  json body = parse_json_or_discarded(request.body);
  if (body.is_object()) return body;
  send_error(response, ErrorCode::validation, "the body must be a JSON object");
  return std::nullopt;
}

// A string member: absent -> nullopt (or "" when required is false); wrong type -> 400.
bool read_string(const json& body, const char* key, std::optional<std::string>& out,
                 Response& response) {
  const auto found = body.find(key);
  if (found == body.end() || found->is_null()) return true;
  if (!found->is_string()) {
    send_error(response, ErrorCode::validation, std::string(key) + " must be a string");
    return false;
  }
  out = found->get<std::string>();
  return true;
}

// Answers 202 with the queued item, or the refusal.
void answer(const Result<domain::OutboxItem>& queued, Response& response) {
  if (!queued) return send_failure(response, queued.error());
  send_json(response, 202, outbox_item_json(*queued));
}

sync::RequestOrigin origin_of(const Request& request) {
  return {"api", request.principal};
}

void post_note(const sync::WritebackService& writebacks, const Request& request, Response& response,
               const std::string& key) {
  const auto body = json_body(request, response);
  if (!body) return;
  std::optional<std::string> text;
  if (!read_string(*body, "text", text, response)) return;
  answer(writebacks.add_note(key, {text.value_or("")}, origin_of(request)), response);
}

void post_task(const sync::WritebackService& writebacks, const Request& request, Response& response,
               const std::string& key) {
  const auto body = json_body(request, response);
  if (!body) return;
  sync::TaskRequest task;
  std::optional<std::string> title;
  if (!read_string(*body, "title", title, response) ||
      !read_string(*body, "description", task.description, response)) {
    return;
  }
  task.title = title.value_or("");
  if (const auto due = body->find("dueDate"); due != body->end() && !due->is_null()) {
    if (due->is_number_integer()) task.due_date = due->get<int64_t>();
    if (due->is_string()) task.due_date = parse_time_to_unix_seconds(due->get<std::string>());
    if (!task.due_date) {
      return send_error(response, ErrorCode::validation,
                        "dueDate must be an ISO 8601 date or time, or unix seconds");
    }
  }
  answer(writebacks.add_task(key, task, origin_of(request)), response);
}

void post_status(const sync::WritebackService& writebacks, const Request& request,
                 Response& response, const std::string& key) {
  const auto body = json_body(request, response);
  if (!body) return;
  std::optional<std::string> status;
  if (!read_string(*body, "status", status, response)) return;
  answer(writebacks.change_status(key, {status.value_or("")}, origin_of(request)), response);
}

// multipart/form-data: the part "file" (its filename and bytes), optional fields fileType and
// description. Or JSON with the content in base64.
std::optional<sync::AttachmentRequest> attachment_request(const Request& request,
                                                          Response& response) {
  sync::AttachmentRequest upload;
  const std::string content_type = request.get_header_value("Content-Type");
  if (net::is_multipart_form_data(content_type)) {
    auto parts = net::parse_multipart(content_type, request.body);
    if (!parts) {
      send_error(response, ErrorCode::validation,
                 "malformed multipart body: " + parts.error().message);
      return std::nullopt;
    }
    const auto part = [&parts](const char* name) -> const net::FormPart* {
      const auto found = parts->find(name);
      return found == parts->end() ? nullptr : &found->second;
    };
    const net::FormPart* file = part("file");
    if (file == nullptr) {
      send_error(response, ErrorCode::validation, "the multipart body needs a part named \"file\"");
      return std::nullopt;
    }
    upload.file_name = file->filename;
    upload.bytes = file->content;
    upload.file_type = part("fileType") != nullptr ? part("fileType")->content : file->content_type;
    if (part("description") != nullptr) upload.description = part("description")->content;
    return upload;
  }
  const auto body = json_body(request, response);
  if (!body) return std::nullopt;
  std::optional<std::string> name, content, type, description;
  if (!read_string(*body, "fileName", name, response) ||
      !read_string(*body, "contentBase64", content, response) ||
      !read_string(*body, "fileType", type, response) ||
      !read_string(*body, "description", description, response)) {
    return std::nullopt;
  }
  if (!content) {
    send_error(response, ErrorCode::validation, "contentBase64 is required");
    return std::nullopt;
  }
  // Base64 is 4/3 of the bytes: refuse an oversized upload before decoding it.
  if (content->size() / 4 * 3 > sync::kMaxAttachmentBytes + 3) {
    send_error(response, ErrorCode::validation,
               "the file is larger than " + std::to_string(sync::kMaxAttachmentBytes) + " bytes");
    return std::nullopt;
  }
  auto bytes = sync::decode_base64(*content);
  if (!bytes) {
    send_error(response, ErrorCode::validation, "contentBase64 is not valid base64");
    return std::nullopt;
  }
  upload.file_name = name.value_or("");
  upload.bytes = std::move(*bytes);
  upload.file_type = type.value_or("");
  upload.description = description.value_or("");
  return upload;
}

void post_attachment(const sync::WritebackService& writebacks, const Request& request,
                     Response& response, const std::string& key) {
  const auto upload = attachment_request(request, response);
  if (!upload) return;
  answer(writebacks.attach_file(key, *upload, origin_of(request)), response);
}

}  // namespace

void add_writeback_routes(Router& router, const sync::WritebackService& writebacks) {
  using Poster =
      void (*)(const sync::WritebackService&, const Request&, Response&, const std::string&);
  const std::pair<const char*, Poster> posts[] = {{"notes", post_note},
                                                  {"tasks", post_task},
                                                  {"status", post_status},
                                                  {"attachments", post_attachment}};
  for (const auto& entry : posts) {
    const Poster post = entry.second;  // a plain variable: lambdas may not capture bindings (C++17)
    router.post(
        std::string("/api/v1/jobs/:jobId/") + entry.first, Access::internal,
        [&writebacks, post](const Request& request, Response& response, const PathParams& params) {
          post(writebacks, request, response, params.at("jobId"));
        });
  }
  router.accept_uploads("POST", "/api/v1/jobs/:jobId/attachments");
}

}  // namespace gep::http

#pragma once
// Write-back requests -> outbox items, and back. Validation lives here so that the HTTP routes,
// the CLI and later producers (QC notes) refuse the same things with the same errors:
//   "validation"     bad input (HTTP 400)
//   "job_not_synced" the job has no JobNimbus id: "Job not synced with JobNimbus" (HTTP 422)
//   "job_deleted"    the job was deleted in JobNimbus (HTTP 409)
// Payloads are JSON in gep's own shape: note {text}; task {title, description?, dueDate?};
// status {status, previousStatus}; attachment {fileName, fileType, description, sizeBytes,
// contentBase64}.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/data_store.h"
#include "domain/outbox.h"
#include "domain/records.h"

namespace gep::sync {

inline constexpr size_t kMaxNoteBytes = 20'000;
inline constexpr size_t kMaxTitleBytes = 500;
inline constexpr size_t kMaxDescriptionBytes = 20'000;
inline constexpr size_t kMaxStatusBytes = 200;
inline constexpr size_t kMaxFileNameBytes = 255;
inline constexpr size_t kMaxAttachmentBytes = 10 * 1024 * 1024;
inline constexpr int kDefaultMaxAttempts = 8;

struct NoteRequest {
  std::string text;
};

struct TaskRequest {
  std::string title;
  std::optional<std::string> description;
  std::optional<int64_t> due_date;  // unix seconds
};

struct StatusRequest {
  std::string status;
};

struct AttachmentRequest {
  std::string file_name;  // as the client sent it; sanitized here
  std::string bytes;      // raw content
  std::string file_type;  // "photo", "document", a MIME type or a type code; "" = from the name
  std::string description;
};

// Who asked, for the record.
struct RequestOrigin {
  std::string source = "api";
  std::string created_by;
};

// Items ready to enqueue (id 0), or the reason the request is refused.
Result<domain::OutboxItem> note_item(const domain::Job& job, const NoteRequest& request,
                                     const RequestOrigin& origin = {});
Result<domain::OutboxItem> task_item(const domain::Job& job, const TaskRequest& request,
                                     const RequestOrigin& origin = {});
Result<domain::OutboxItem> status_item(const domain::Job& job, const StatusRequest& request,
                                       const RequestOrigin& origin = {});
Result<domain::OutboxItem> attachment_item(const domain::Job& job, const AttachmentRequest& request,
                                           const RequestOrigin& origin = {});

// A file name safe to hand on: the last path component, without control characters, trimmed,
// at most kMaxFileNameBytes (on a UTF-8 boundary). Empty when nothing usable is left.
std::string sanitize_file_name(std::string_view name);

// Strict RFC 4648 base64 (padding optional, whitespace ignored); nullopt when malformed.
std::optional<std::string> decode_base64(std::string_view text);

// Everything a payload may carry, read back by the worker.
struct OutboxPayload {
  std::string text;
  std::string title;
  std::optional<std::string> description;
  std::optional<int64_t> due_date;
  std::string status;
  std::string previous_status;
  std::string file_name;
  std::string file_type;
  std::string content_base64;
  int64_t size_bytes = 0;
};

Result<OutboxPayload> parse_payload(domain::OutboxKind kind, std::string_view json);

}  // namespace gep::sync

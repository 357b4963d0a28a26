#include "sync/outbox_requests.h"

#include <array>
#include <nlohmann/json.hpp>

#include "jobnimbus/base64.h"

namespace gep::sync {
namespace {

using domain::OutboxItem;
using domain::OutboxKind;
using nlohmann::json;

Unexpected<Error> invalid(std::string message) {
  return fail("validation", std::move(message));
}

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF): PostgreSQL refuses
// anything else in a TEXT column, and JobNimbus would show mojibake.
bool valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    uint32_t code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code = lead & 0x07u;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3Fu);
    }
    constexpr std::array<uint32_t, 5> kSmallest{0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Status check_text(std::string_view field, std::string_view value, size_t max_bytes) {
  if (value.size() > max_bytes) {
    return invalid(std::string(field) + " is longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (!valid_utf8(value)) return invalid(std::string(field) + " is not valid UTF-8");
  return {};
}

// The job must be one JobNimbus knows: the write goes to its jnid.
Status check_job(const domain::Job& job) {
  if (job.jnid.empty()) return fail("job_not_synced", "Job not synced with JobNimbus");
  if (job.deleted_at) {
    return fail("job_deleted", "job " + job.jnid + " was deleted in JobNimbus; nothing was queued");
  }
  return {};
}

OutboxItem item_for(const domain::Job& job, OutboxKind kind, const json& payload,
                    const RequestOrigin& origin) {
  OutboxItem item;
  item.kind = kind;
  item.job_id = job.id;
  item.job_jnid = job.jnid;
  item.payload_json = payload.dump();
  item.max_attempts = kDefaultMaxAttempts;
  item.source = origin.source;
  item.created_by = origin.created_by;
  return item;
}

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string optional_string(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

}  // namespace

Result<OutboxItem> note_item(const domain::Job& job, const NoteRequest& request,
                             const RequestOrigin& origin) {
  if (blank(request.text)) return invalid("text is required");
  if (auto checked = check_text("text", request.text, kMaxNoteBytes); !checked) {
    return fail(checked.error());
  }
  if (auto checked = check_job(job); !checked) return fail(checked.error());
  return item_for(job, OutboxKind::note, json{{"text", request.text}}, origin);
}

Result<OutboxItem> task_item(const domain::Job& job, const TaskRequest& request,
                             const RequestOrigin& origin) {
  if (blank(request.title)) return invalid("title is required");
  if (auto checked = check_text("title", request.title, kMaxTitleBytes); !checked) {
    return fail(checked.error());
  }
  if (request.description) {
    if (auto checked = check_text("description", *request.description, kMaxDescriptionBytes);
        !checked) {
      return fail(checked.error());
    }
  }
  if (request.due_date && *request.due_date <= 0) return invalid("dueDate must be a valid date");
  if (auto checked = check_job(job); !checked) return fail(checked.error());
  json payload{{"title", request.title}};
  if (request.description) payload["description"] = *request.description;
  if (request.due_date) payload["dueDate"] = *request.due_date;
  return item_for(job, OutboxKind::task, payload, origin);
}

Result<OutboxItem> status_item(const domain::Job& job, const StatusRequest& request,
                               const RequestOrigin& origin) {
  if (blank(request.status)) return invalid("status is required");
  if (auto checked = check_text("status", request.status, kMaxStatusBytes); !checked) {
    return fail(checked.error());
  }
  if (auto checked = check_job(job); !checked) return fail(checked.error());
  // previousStatus is what the mirror knew when the change was made: a pull that finds another
  // status in JobNimbus knows it changed there too (a conflict, see sync/conflicts.h).
  return item_for(job, OutboxKind::status,
                  json{{"status", request.status}, {"previousStatus", job.status_name}}, origin);
}

Result<OutboxItem> attachment_item(const domain::Job& job, const AttachmentRequest& request,
                                   const RequestOrigin& origin) {
  const std::string file_name = sanitize_file_name(request.file_name);
  if (file_name.empty()) return invalid("fileName is required (a plain file name)");
  if (request.bytes.empty()) return invalid("the file is empty");
  if (request.bytes.size() > kMaxAttachmentBytes) {
    return invalid("the file is larger than " + std::to_string(kMaxAttachmentBytes) + " bytes");
  }
  if (auto checked = check_text("description", request.description, kMaxDescriptionBytes);
      !checked) {
    return fail(checked.error());
  }
  if (auto checked = check_text("fileType", request.file_type, kMaxStatusBytes); !checked) {
    return fail(checked.error());
  }
  if (auto checked = check_job(job); !checked) return fail(checked.error());
  return item_for(job, OutboxKind::attachment,
                  json{{"fileName", file_name},
                       {"fileType", request.file_type.empty() ? "document" : request.file_type},
                       {"description", request.description},
                       {"sizeBytes", request.bytes.size()},
                       {"contentBase64", jobnimbus::base64_encode(request.bytes)}},
                  origin);
}

std::string sanitize_file_name(std::string_view name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string clean;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) continue;  // control characters: newlines, NUL, escapes
    clean += c;
  }
  if (!valid_utf8(clean)) return "";
  const size_t first = clean.find_first_not_of(" .");
  if (first == std::string::npos) return "";  // "", ".", "..", "   "
  clean.erase(0, first);
  while (!clean.empty() && (clean.back() == ' ' || clean.back() == '.')) clean.pop_back();
  if (clean.size() > kMaxFileNameBytes) {
    size_t cut = kMaxFileNameBytes;
    // Never split a UTF-8 sequence: back up to the start of the character.
    while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
    clean.resize(cut);
  }
  return clean;
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t buffer = 0;
  int bits = 0;
  size_t padding = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after padding
    const int value = sextet(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
    }
  }
  // 6 leftover bits cannot encode a byte; leftover bits must be zero (canonical encoding).
  if (bits >= 6 || padding > 2 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

Result<OutboxPayload> parse_payload(OutboxKind kind, std::string_view text) {
  const json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_object())
    return fail("invalid_payload", "the outbox payload is not a JSON object");
  OutboxPayload payload;
  payload.text = optional_string(parsed, "text");
  payload.title = optional_string(parsed, "title");
  if (parsed.contains("description") && parsed["description"].is_string()) {
    payload.description = parsed["description"].get<std::string>();
  }
  if (parsed.contains("dueDate") && parsed["dueDate"].is_number_integer()) {
    payload.due_date = parsed["dueDate"].get<int64_t>();
  }
  payload.status = optional_string(parsed, "status");
  payload.previous_status = optional_string(parsed, "previousStatus");
  payload.file_name = optional_string(parsed, "fileName");
  payload.file_type = optional_string(parsed, "fileType");
  payload.content_base64 = optional_string(parsed, "contentBase64");
  if (parsed.contains("sizeBytes") && parsed["sizeBytes"].is_number_integer()) {
    payload.size_bytes = parsed["sizeBytes"].get<int64_t>();
  }
  const bool complete = (kind == OutboxKind::note && !payload.text.empty()) ||
                        (kind == OutboxKind::task && !payload.title.empty()) ||
                        (kind == OutboxKind::status && !payload.status.empty()) ||
                        (kind == OutboxKind::attachment && !payload.file_name.empty() &&
                         !payload.content_base64.empty());
  if (!complete) {
    return fail("invalid_payload", "the outbox payload misses what a " +
                                       std::string(domain::to_string(kind)) + " needs");
  }
  return payload;
}

}  // namespace gep::sync

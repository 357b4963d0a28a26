#include "domain/records.h"
#include "domain/sync_records.h"

namespace gep::domain {

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::photo:
      return "photo";
    case FileKind::document:
      return "document";
    case FileKind::other:
      return "other";
  }
  return "other";
}

std::optional<FileKind> parse_file_kind(std::string_view text) {
  if (text == "photo") return FileKind::photo;
  if (text == "document") return FileKind::document;
  if (text == "other") return FileKind::other;
  return std::nullopt;
}

FileKind file_kind_from_record_type(int64_t record_type) {
  constexpr int64_t kDocument = 1;
  constexpr int64_t kPhoto = 2;
  constexpr int64_t kCreditMemo = 8;
  if (record_type == kPhoto) return FileKind::photo;
  // Email attachments, naturalForms, invoices, EagleView and Accurence reports, credit memos.
  if (record_type == kDocument || (record_type > kPhoto && record_type <= kCreditMemo)) {
    return FileKind::document;
  }
  return FileKind::other;
}

std::string_view to_string(SyncType type) {
  return type == SyncType::push ? "PUSH" : "PULL";
}

std::string_view to_string(SyncStatus status) {
  switch (status) {
    case SyncStatus::success:
      return "SUCCESS";
    case SyncStatus::failed:
      return "FAILED";
    case SyncStatus::partial:
      return "PARTIAL";
  }
  return "FAILED";
}

std::optional<SyncType> parse_sync_type(std::string_view text) {
  if (text == "PULL") return SyncType::pull;
  if (text == "PUSH") return SyncType::push;
  return std::nullopt;
}

std::optional<SyncStatus> parse_sync_status(std::string_view text) {
  if (text == "SUCCESS") return SyncStatus::success;
  if (text == "FAILED") return SyncStatus::failed;
  if (text == "PARTIAL") return SyncStatus::partial;
  return std::nullopt;
}

}  // namespace gep::domain

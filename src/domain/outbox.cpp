#include "domain/outbox.h"

namespace gep::domain {

std::string_view to_string(OutboxKind kind) {
  switch (kind) {
    case OutboxKind::note:
      return "note";
    case OutboxKind::task:
      return "task";
    case OutboxKind::status:
      return "status";
    case OutboxKind::attachment:
      return "attachment";
  }
  return "note";
}

std::string_view to_string(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::pending:
      return "pending";
    case OutboxStatus::in_flight:
      return "in_flight";
    case OutboxStatus::delivered:
      return "delivered";
    case OutboxStatus::dead:
      return "dead";
  }
  return "pending";
}

std::optional<OutboxKind> parse_outbox_kind(std::string_view text) {
  for (const auto kind :
       {OutboxKind::note, OutboxKind::task, OutboxKind::status, OutboxKind::attachment}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

std::optional<OutboxStatus> parse_outbox_status(std::string_view text) {
  for (const auto status : {OutboxStatus::pending, OutboxStatus::in_flight, OutboxStatus::delivered,
                            OutboxStatus::dead}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

std::string_view to_string(ConflictStatus status) {
  return status == ConflictStatus::open ? "open" : "resolved";
}

std::string_view to_string(ConflictSide side) {
  return side == ConflictSide::local ? "local" : "remote";
}

std::optional<ConflictStatus> parse_conflict_status(std::string_view text) {
  if (text == "open") return ConflictStatus::open;
  if (text == "resolved") return ConflictStatus::resolved;
  return std::nullopt;
}

std::optional<ConflictSide> parse_conflict_side(std::string_view text) {
  if (text == "local") return ConflictSide::local;
  if (text == "remote") return ConflictSide::remote;
  return std::nullopt;
}

}  // namespace gep::domain

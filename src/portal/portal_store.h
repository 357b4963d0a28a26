#pragma once
// What the portal needs from storage; src/store implements it for SQLite and PostgreSQL
// (tables portal_magic_links, portal_sessions and files.portal_shareable). Times are unix seconds.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::portal {

struct MagicLink {
  int64_t id = 0;
  std::string token_hash;
  std::string contact_jnid;
  std::string email;
  std::string created_by;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> used_at;
};

class MagicLinkRepository {
 public:
  virtual ~MagicLinkRepository() = default;
  // Answers the new link's id.
  virtual Result<int64_t> insert(const MagicLink& link) = 0;
  // Marks the link used in one statement that only matches an unused link with expires_at > now,
  // so two concurrent redemptions cannot both succeed. Answers the link when this call used it.
  virtual Result<std::optional<MagicLink>> redeem(std::string_view token_hash, int64_t now) = 0;
};

struct PortalSession {
  std::string id;  // SHA-256 of the cookie's token
  std::string contact_jnid;
  std::optional<int64_t> magic_link_id;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  int64_t idle_expires_at = 0;
  int64_t absolute_expires_at = 0;
  std::optional<int64_t> revoked_at;
};

class PortalSessionRepository {
 public:
  virtual ~PortalSessionRepository() = default;
  virtual Status insert(const PortalSession& session) = 0;
  virtual Result<std::optional<PortalSession>> find(std::string_view id) = 0;
  virtual Status touch(std::string_view id, int64_t last_seen_at, int64_t idle_expires_at) = 0;
  // Answers whether a live session was revoked.
  virtual Result<bool> revoke(std::string_view id, int64_t at) = 0;
};

// Staff decisions that override the default sharing rule of single files (files.portal_shareable).
class FileShareRepository {
 public:
  virtual ~FileShareRepository() = default;
  // file jnid → shared or not, for the job's files that have a decision.
  virtual Result<std::map<std::string, bool>> overrides_for_job(std::string_view job_jnid) = 0;
  // nullopt clears the decision. Answers whether the file exists.
  virtual Result<bool> set_override(std::string_view file_jnid, std::optional<bool> shared) = 0;
};

}  // namespace gep::portal

#pragma once
// The customer portal's magic links and sessions (tables portal_magic_links, portal_sessions).
// They live outside units of work, so the make_* functions give the composition root ones over
// the Database's pool without widening domain::Repositories.
#include <memory>

#include "portal/portal_store.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class Database;

class SqlMagicLinkRepository final : public portal::MagicLinkRepository {
 public:
  explicit SqlMagicLinkRepository(std::unique_ptr<ConnectionSource> owned)
      : owned_(std::move(owned)), source_(*owned_) {}

  Result<int64_t> insert(const portal::MagicLink& link) override;
  Result<std::optional<portal::MagicLink>> redeem(std::string_view token_hash,
                                                  int64_t now) override;

 private:
  std::unique_ptr<ConnectionSource> owned_;
  ConnectionSource& source_;
};

class SqlPortalSessionRepository final : public portal::PortalSessionRepository {
 public:
  explicit SqlPortalSessionRepository(std::unique_ptr<ConnectionSource> owned)
      : owned_(std::move(owned)), source_(*owned_) {}

  Status insert(const portal::PortalSession& session) override;
  Result<std::optional<portal::PortalSession>> find(std::string_view id) override;
  Status touch(std::string_view id, int64_t last_seen_at, int64_t idle_expires_at) override;
  Result<bool> revoke(std::string_view id, int64_t at) override;

 private:
  std::unique_ptr<ConnectionSource> owned_;
  ConnectionSource& source_;
};

// Over `database`'s pool and clock; `database` must outlive them.
std::unique_ptr<portal::MagicLinkRepository> make_magic_link_repository(Database& database);
std::unique_ptr<portal::PortalSessionRepository> make_portal_session_repository(Database& database);

}  // namespace gep::store

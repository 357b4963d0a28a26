#pragma once
// Webhook events over one connection source. They live outside units of work (an event is
// stored on its own, before the 202), so make_webhook_event_repository gives the composition
// root one over the Database's pool without widening domain::Repositories.
#include <memory>

#include "domain/webhook_events.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class Database;

class SqlWebhookEventRepository final : public domain::WebhookEventRepository {
 public:
  explicit SqlWebhookEventRepository(ConnectionSource& source) : source_(source) {}
  // Owns its source (the pooled one of make_webhook_event_repository).
  explicit SqlWebhookEventRepository(std::unique_ptr<ConnectionSource> owned)
      : owned_(std::move(owned)), source_(*owned_) {}

  Result<domain::RecordedWebhook> record(const domain::WebhookEvent& event) override;
  Result<std::vector<domain::WebhookEvent>> pending(int64_t limit) override;
  Result<bool> claim(int64_t id) override;
  Status finish(int64_t id, domain::WebhookStatus status, std::string_view error) override;
  Result<int64_t> requeue_interrupted() override;
  Result<std::optional<domain::WebhookEvent>> find(int64_t id) override;

 private:
  std::unique_ptr<ConnectionSource> owned_;
  ConnectionSource& source_;
};

// Over `database`'s pool and clock; `database` must outlive it.
std::unique_ptr<domain::WebhookEventRepository> make_webhook_event_repository(Database& database);

}  // namespace gep::store

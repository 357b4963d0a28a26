#pragma once
// Adapts the real JobNimbusClient to the sync engine's JobNimbusGateway.
#include "jobnimbus/client.h"
#include "sync/jobnimbus_gateway.h"

namespace gep::app {

class JobNimbusGatewayAdapter final : public sync::JobNimbusGateway {
 public:
  explicit JobNimbusGatewayAdapter(jobnimbus::JobNimbusClient& client) : client_(client) {}

  std::unique_ptr<sync::PageSource<jobnimbus::Job>> jobs(
      const jobnimbus::StreamCursor& start) override;
  std::unique_ptr<sync::PageSource<jobnimbus::Contact>> contacts(
      const jobnimbus::StreamCursor& start) override;
  std::unique_ptr<sync::PageSource<jobnimbus::FileRecord>> files(
      const jobnimbus::StreamCursor& start) override;
  std::unique_ptr<sync::PageSource<jobnimbus::RecordId>> ids(jobnimbus::Entity entity) override;

  jobnimbus::ApiResult<std::vector<jobnimbus::Job>> jobs_with_ids(
      std::span<const std::string> jnids) override {
    return client_.fetch_jobs_by_ids(jnids);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::Contact>> contacts_with_ids(
      std::span<const std::string> jnids) override {
    return client_.fetch_contacts_by_ids(jnids);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> files_with_ids(
      std::span<const std::string> jnids) override {
    return client_.fetch_files_by_ids(jnids);
  }
  jobnimbus::ApiResult<jobnimbus::Job> job(const std::string& jnid) override;
  jobnimbus::ApiResult<jobnimbus::Contact> contact(const std::string& jnid) override;
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& jnid) override;
  jobnimbus::ApiResult<jobnimbus::AccountSettings> account_settings() override {
    return client_.fetch_account_settings();
  }
  uint64_t requests_sent() const override { return client_.requests_sent(); }

 private:
  jobnimbus::JobNimbusClient& client_;
};

}  // namespace gep::app

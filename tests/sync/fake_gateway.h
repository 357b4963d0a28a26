#pragma once
// An in-memory JobNimbus for sync tests: pages by the same (date_updated, jnid) cursor contract as
// the real stream, and fails requests on demand.
#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <memory>

#include "sync/jobnimbus_gateway.h"

namespace gep::sync::testing {

class FakeGateway final : public JobNimbusGateway {
 public:
  std::map<std::string, jobnimbus::Job> jobs_by_id;
  std::map<std::string, jobnimbus::Contact> contacts_by_id;
  std::map<std::string, jobnimbus::FileRecord> files_by_id;
  int page_size = 3;
  int fail_requests = 0;      // the next N list requests fail
  int fail_after_pages = -1;  // once this many pages were served, every request fails
  // Counted on the pull's prefetch thread, read by the test.
  std::atomic<int> requests = 0;
  std::atomic<int> pages_served = 0;
  std::vector<std::string> unusable_jnids;  // served as skipped records
  std::string id_listing_warning;           // put on every page of the id listing when set
  // Left out of the record listings, which then warn with `unlistable_warning` (as a crowded
  // second no paging method can list does); the id listing still has them.
  std::vector<std::string> unlistable_jnids;
  std::string unlistable_warning = "date_updated 1002 holds 3 records; 1 could not be listed";
  std::function<void()> during_id_listing;  // runs as each id page is served
  jobnimbus::AccountSettings settings;      // GET /account/settings
  bool fail_settings = false;
  bool refuse_id_filters = false;  // the batch lookups by id answer 400
  int id_lookups = 0;              // batch lookup requests, one per call

  std::unique_ptr<PageSource<jobnimbus::Job>> jobs(const jobnimbus::StreamCursor& start) override {
    return listing(jobs_by_id, start);
  }
  std::unique_ptr<PageSource<jobnimbus::Contact>> contacts(
      const jobnimbus::StreamCursor& start) override {
    return listing(contacts_by_id, start);
  }
  std::unique_ptr<PageSource<jobnimbus::FileRecord>> files(
      const jobnimbus::StreamCursor& start) override {
    return listing(files_by_id, start);
  }
  std::unique_ptr<PageSource<jobnimbus::RecordId>> ids(jobnimbus::Entity entity) override {
    std::map<std::string, jobnimbus::RecordId> ids;
    auto add = [&ids](const auto& records) {
      for (const auto& [jnid, record] : records) {
        if (record.is_active) ids[jnid] = {jnid, record.date_updated};
      }
    };
    if (entity == jobnimbus::Entity::jobs) add(jobs_by_id);
    if (entity == jobnimbus::Entity::contacts) add(contacts_by_id);
    if (entity == jobnimbus::Entity::files) add(files_by_id);
    auto source = listing(ids, {});
    auto& id_listing = static_cast<Listing<jobnimbus::RecordId>&>(*source);
    id_listing.warning = id_listing_warning;
    id_listing.on_page = during_id_listing;
    return source;
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::Job>> jobs_with_ids(
      std::span<const std::string> jnids) override {
    return lookup(jobs_by_id, jnids);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::Contact>> contacts_with_ids(
      std::span<const std::string> jnids) override {
    return lookup(contacts_by_id, jnids);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> files_with_ids(
      std::span<const std::string> jnids) override {
    return lookup(files_by_id, jnids);
  }
  jobnimbus::ApiResult<jobnimbus::Job> job(const std::string& jnid) override {
    return find(jobs_by_id, jnid);
  }
  jobnimbus::ApiResult<jobnimbus::Contact> contact(const std::string& jnid) override {
    return find(contacts_by_id, jnid);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& jnid) override {
    std::vector<jobnimbus::FileRecord> out;
    for (const auto& [id, file] : files_by_id) {
      if (file.is_active && file.primary && file.primary->id == jnid) out.push_back(file);
    }
    return out;
  }
  // Not counted in `requests`: the tests of those count list requests.
  jobnimbus::ApiResult<jobnimbus::AccountSettings> account_settings() override {
    if (fail_settings) {
      return fail(jobnimbus::ApiError{jobnimbus::ApiErrorKind::transient, 503,
                                      "JobNimbus answered 503", "", std::nullopt, 1});
    }
    return settings;
  }
  uint64_t requests_sent() const override { return static_cast<uint64_t>(requests); }

 private:
  template <class Record>
  class Listing final : public PageSource<Record> {
   public:
    Listing(FakeGateway& owner, std::vector<Record> records, jobnimbus::StreamCursor start)
        : owner_(owner), records_(std::move(records)), cursor_(std::move(start)) {}

    jobnimbus::ApiResult<jobnimbus::StreamPage<Record>> next_page() override {
      if (on_page) on_page();
      ++owner_.requests;
      if (owner_.fail_requests > 0 ||
          (owner_.fail_after_pages >= 0 && owner_.pages_served >= owner_.fail_after_pages)) {
        if (owner_.fail_requests > 0) --owner_.fail_requests;
        return fail(jobnimbus::ApiError{jobnimbus::ApiErrorKind::transient, 503,
                                        "JobNimbus answered 503", "", std::nullopt, 1});
      }
      ++owner_.pages_served;
      jobnimbus::StreamPage<Record> page;
      for (const auto& record : records_) {
        const int64_t updated = record.date_updated.value_or(0);
        if (updated < cursor_.since) continue;
        if (updated == cursor_.since && cursor_.seen_at_since.count(record.jnid) != 0) continue;
        if (static_cast<int>(page.records.size() + page.skipped.size()) == owner_.page_size) break;
        if (std::find(owner_.unusable_jnids.begin(), owner_.unusable_jnids.end(), record.jnid) !=
            owner_.unusable_jnids.end()) {
          page.skipped.push_back({0, record.jnid, "jnid has the wrong type", ""});
        } else {
          page.records.push_back(record);
        }
        if (updated != cursor_.since) cursor_.seen_at_since.clear();
        cursor_.since = updated;
        cursor_.seen_at_since.insert(record.jnid);
      }
      done_ = static_cast<int>(page.records.size() + page.skipped.size()) < owner_.page_size;
      if (!warning.empty()) page.warnings.push_back(warning);
      page.cursor = cursor_;
      page.total = static_cast<int64_t>(records_.size());
      return page;
    }
    bool done() const override { return done_; }
    std::string warning;
    std::function<void()> on_page;

   private:
    FakeGateway& owner_;
    std::vector<Record> records_;
    jobnimbus::StreamCursor cursor_;
    bool done_ = false;
  };

  template <class Record>
  std::unique_ptr<PageSource<Record>> listing(const std::map<std::string, Record>& by_id,
                                              const jobnimbus::StreamCursor& start) {
    std::vector<Record> records;
    bool left_out = false;
    for (const auto& [jnid, record] : by_id) {
      if constexpr (requires { record.is_active; }) {
        if (!record.is_active) continue;
        if (std::find(unlistable_jnids.begin(), unlistable_jnids.end(), jnid) !=
            unlistable_jnids.end()) {
          left_out = true;
          continue;
        }
      }
      records.push_back(record);
    }
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
      return a.date_updated.value_or(0) < b.date_updated.value_or(0);
    });
    auto source = std::make_unique<Listing<Record>>(*this, std::move(records), start);
    if (left_out) source->warning = unlistable_warning;
    return source;
  }

  template <class Record>
  jobnimbus::ApiResult<std::vector<Record>> lookup(const std::map<std::string, Record>& by_id,
                                                   std::span<const std::string> jnids) {
    ++id_lookups;
    if (refuse_id_filters) {
      return fail(jobnimbus::ApiError{jobnimbus::ApiErrorKind::validation, 400,
                                      "terms on jnid is not supported", "", std::nullopt, 1});
    }
    std::vector<Record> out;
    for (const auto& jnid : jnids) {
      const auto found = by_id.find(jnid);
      if (found != by_id.end() && found->second.is_active) out.push_back(found->second);
    }
    return out;
  }

  template <class Record>
  static jobnimbus::ApiResult<Record> find(const std::map<std::string, Record>& by_id,
                                           const std::string& jnid) {
    const auto found = by_id.find(jnid);
    if (found == by_id.end() || !found->second.is_active) {
      return fail(jobnimbus::ApiError{jobnimbus::ApiErrorKind::not_found, 404, "not found", "",
                                      std::nullopt, 1});
    }
    return found->second;
  }
};

}  // namespace gep::sync::testing

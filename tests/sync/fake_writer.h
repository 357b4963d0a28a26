#pragma once
// An in-memory JobNimbus for outbox tests: records every write, fails the next ones on demand,
// and can apply a write but report its outcome as unknown (like a timeout after sending).
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "sync/jobnimbus_writer.h"

namespace gep::sync::testing {

class FakeWriter final : public JobNimbusWriter {
 public:
  struct Failure {
    jobnimbus::ApiErrorKind kind = jobnimbus::ApiErrorKind::transient;
    bool applied = false;  // the write happened in JobNimbus anyway
  };

  explicit FakeWriter(const Clock& clock) : clock_(clock) {}

  std::deque<Failure> failures;  // consumed by the next writes, one each
  int list_failures = 0;         // the next reconcile listings fail
  std::vector<jobnimbus::Activity> activities;
  std::vector<jobnimbus::Task> tasks;
  std::vector<jobnimbus::FileRecord> files;
  std::map<std::string, std::string> statuses;
  int sends = 0;
  int listings = 0;

  jobnimbus::ApiResult<std::string> create_note(const std::string& job_jnid,
                                                const std::string& text) override {
    return write([&](const std::string& jnid) {
      jobnimbus::Activity activity;
      activity.jnid = jnid;
      activity.note = text;
      activity.record_type_name = "Note";
      activity.primary = jobnimbus::RecordRef{job_jnid, "job", "", ""};
      activity.date_created = now();
      activities.insert(activities.begin(), activity);  // newest first
    });
  }
  jobnimbus::ApiResult<std::string> create_task(const std::string& job_jnid,
                                                const TaskWrite& task) override {
    return write([&](const std::string& jnid) {
      jobnimbus::Task created;
      created.jnid = jnid;
      created.title = task.title;
      created.description = task.description.value_or("");
      created.related.push_back({job_jnid, "job", "", ""});
      created.date_created = now();
      tasks.insert(tasks.begin(), created);
    });
  }
  jobnimbus::ApiResult<std::string> upload_attachment(const std::string& job_jnid,
                                                      const UploadWrite& upload) override {
    return write([&](const std::string& jnid) {
      jobnimbus::FileRecord file;
      file.jnid = jnid;
      file.filename = upload.file_name;
      file.size = static_cast<int64_t>(upload.bytes.size());
      file.primary = jobnimbus::RecordRef{job_jnid, "job", "", ""};
      file.date_created = now();
      files.push_back(file);
    });
  }
  jobnimbus::ApiResult<std::string> update_job_status(const std::string& job_jnid,
                                                      const std::string& status_name) override {
    auto written = write([&](const std::string&) { statuses[job_jnid] = status_name; });
    if (!written) return written;
    return job_jnid;
  }
  jobnimbus::ApiResult<jobnimbus::Page<jobnimbus::Activity>> recent_activities(
      const std::string& job_jnid, int limit) override {
    if (auto failed = listing_failure()) return fail(*failed);
    jobnimbus::Page<jobnimbus::Activity> page;
    for (const auto& activity : activities) {
      if (activity.primary && activity.primary->id == job_jnid &&
          static_cast<int>(page.records.size()) < limit) {
        page.records.push_back(activity);
      }
    }
    page.count = static_cast<int64_t>(page.records.size());
    return page;
  }
  jobnimbus::ApiResult<jobnimbus::Page<jobnimbus::Task>> recent_tasks(const std::string& job_jnid,
                                                                      int limit) override {
    if (auto failed = listing_failure()) return fail(*failed);
    jobnimbus::Page<jobnimbus::Task> page;
    for (const auto& task : tasks) {
      if (!task.related.empty() && task.related.front().id == job_jnid &&
          static_cast<int>(page.records.size()) < limit) {
        page.records.push_back(task);
      }
    }
    return page;
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& job_jnid) override {
    if (auto failed = listing_failure()) return fail(*failed);
    std::vector<jobnimbus::FileRecord> out;
    for (const auto& file : files) {
      if (file.primary && file.primary->id == job_jnid) out.push_back(file);
    }
    return out;
  }

  int notes_with_text(const std::string& text) const {
    int count = 0;
    for (const auto& activity : activities) count += activity.note == text ? 1 : 0;
    return count;
  }

 private:
  int64_t now() const { return to_unix_seconds(clock_.now()); }

  static jobnimbus::ApiError error_of(jobnimbus::ApiErrorKind kind) {
    return jobnimbus::ApiError{
        kind, 503, "fake " + std::string(jobnimbus::to_string(kind)), "", std::nullopt, 1};
  }

  std::optional<jobnimbus::ApiError> listing_failure() {
    ++listings;
    if (list_failures == 0) return std::nullopt;
    --list_failures;
    return error_of(jobnimbus::ApiErrorKind::transient);
  }

  template <class Apply>
  jobnimbus::ApiResult<std::string> write(Apply apply) {
    ++sends;
    const std::string jnid = "jn" + std::to_string(next_id_++);
    if (!failures.empty()) {
      const Failure failure = failures.front();
      failures.pop_front();
      if (failure.applied) apply(jnid);
      return fail(error_of(failure.kind));
    }
    apply(jnid);
    return jnid;
  }

  const Clock& clock_;
  int next_id_ = 1;
};

}  // namespace gep::sync::testing

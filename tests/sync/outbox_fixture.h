#pragma once
// A real SQLite store in a temp file with one mirrored job, a FakeWriter and a simulated clock:
// the outbox tests drive the worker with run_once() and never sleep.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/database.h"
#include "sync/fake_writer.h"
#include "sync/outbox_worker.h"
#include "sync/record_mapping.h"
#include "sync/sync_fixture.h"

namespace gep::sync {

class OutboxFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("gep-outbox-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    store::DatabaseOptions options;
    options.sqlite_path = path_.string();
    options.clock = &clock_;
    auto database = store::open_database(options);
    ASSERT_TRUE(database.ok()) << database.error().message;
    database_ = std::move(database.value());
    ASSERT_TRUE(database_->migrate().ok());
    const std::vector<domain::Job> jobs{to_domain(make_job("job1", 1'600'000'000, "Lead"))};
    ASSERT_TRUE(database_->jobs().upsert_batch(jobs).ok());
    job_ = database_->jobs().find_by_jnid("job1")->value();
  }
  void TearDown() override {
    worker_.reset();
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  OutboxSettings settings(const std::string& id = "worker-a") const {
    OutboxSettings settings;
    settings.worker_id = id;
    settings.lease = std::chrono::seconds{60};
    settings.jitter_seed = 7;
    return settings;
  }
  OutboxWorker& worker() {
    if (!worker_) worker_ = std::make_unique<OutboxWorker>(writer_, *database_, clock_, settings());
    return *worker_;
  }

  domain::OutboxItem enqueue(Result<domain::OutboxItem> item) {
    EXPECT_TRUE(item.ok()) << item.error().message;
    auto stored = database_->outbox().enqueue(*item);
    EXPECT_TRUE(stored.ok()) << stored.error().message;
    return *stored;
  }
  domain::OutboxItem note(const std::string& text) { return enqueue(note_item(job_, {text})); }
  domain::OutboxItem reload(int64_t id) { return database_->outbox().find(id)->value(); }
  void advance(std::chrono::seconds by) { clock_.advance(by); }

  std::filesystem::path path_;
  ManualClock clock_{from_unix_seconds(1'700'000'000)};
  testing::FakeWriter writer_{clock_};
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<OutboxWorker> worker_;
  domain::Job job_;
};

}  // namespace gep::sync

#pragma once
// A real SQLite mirror in a temp file and a FakeGateway with six jobs, three of which share one
// second across a page boundary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/database.h"
#include "sync/fake_gateway.h"
#include "sync/pull_engine.h"

namespace gep::sync {

inline jobnimbus::Job make_job(const std::string& jnid, int64_t updated,
                               const std::string& status = "Sold") {
  jobnimbus::Job job;
  job.jnid = jnid;
  job.number = "10" + jnid;
  job.name = "Job " + jnid;
  job.display_name = "Zoë Ångström - 1 Main St";
  job.status_name = status;
  job.date_created = updated - 100;
  job.date_updated = updated;
  job.date_status_change = updated - 50;
  job.primary = jobnimbus::RecordRef{"c-" + jnid, "contact", "Zoë Ångström", ""};
  job.raw_json = R"({"jnid":")" + jnid + R"(","date_updated":)" + std::to_string(updated) + "}";
  return job;
}

class SyncFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("gep-pull-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    store::DatabaseOptions options;
    options.sqlite_path = path_.string();
    options.clock = &clock_;
    auto database = store::open_database(options);
    ASSERT_TRUE(database.ok()) << database.error().message;
    database_ = std::move(database.value());
    ASSERT_TRUE(database_->migrate().ok());
    // Six jobs, three of them sharing one second across the page boundary (page size 3).
    for (const auto& [jnid, updated] : std::vector<std::pair<std::string, int64_t>>{
             {"a", 1000}, {"b", 1001}, {"c", 1002}, {"d", 1002}, {"e", 1002}, {"f", 1003}}) {
      gateway_.jobs_by_id[jnid] = make_job(jnid, updated);
    }
  }
  void TearDown() override {
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  PullReport pull(PullEntity entity, PullMode mode = PullMode::incremental) {
    PullOptions options;
    options.mode = mode;
    options.lookback_seconds = 0;
    return PullEngine(gateway_, *database_, clock_).pull(entity, options);
  }

  std::filesystem::path path_;
  ManualClock clock_{from_unix_seconds(1'700'000'000)};
  testing::FakeGateway gateway_;
  std::unique_ptr<store::Database> database_;
};

}  // namespace gep::sync

// Every client method against the in-process JobNimbus sandbox, and the acceptance tests of
// issue 3: the stream lists 25,000 jobs exactly once under faults and a rate limit, and a note
// whose answer is lost is not duplicated.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "jobnimbus/client.h"
#include "sandbox/sandbox_server.h"

namespace gep::jobnimbus {
namespace {

constexpr const char* kSandboxKey = "sandbox-test-key-4711";

std::unique_ptr<JobNimbusClient> client_for(const std::string& base_url, const std::string& key,
                                            double max_rps = 500.0) {
  ClientOptions options;
  options.base_url = base_url;
  options.api_key = key;
  options.timeout = Duration{5000};
  options.connect_timeout = Duration{1000};
  options.rate_limiter =
      std::make_shared<RateLimiter>(max_rps, 1.0, std::make_shared<SystemClock>());
  // Short real waits: the sandbox's faults are brief and the test must stay well under a minute.
  options.retry.max_attempts = 8;
  options.retry.initial_backoff = Duration{20};
  options.retry.max_backoff = Duration{250};
  options.retry.max_total_wait = Duration{5000};
  options.retry.max_retry_after = Duration{3000};
  auto client = JobNimbusClient::create(std::move(options));
  if (!client) throw std::runtime_error(client.error().describe());
  return std::move(client).value();
}

struct SandboxFixture : ::testing::Test {
  static gep::sandbox::SandboxOptions small_account() {
    gep::sandbox::SandboxOptions options;
    options.api_key = kSandboxKey;
    options.jobs = 40;
    options.contacts = 30;
    options.seed = 3;
    return options;
  }
  gep::sandbox::SandboxServer sandbox{small_account()};
  std::unique_ptr<JobNimbusClient> client;

  void SetUp() override {
    const auto started = sandbox.start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    client = client_for(sandbox.base_url(), kSandboxKey);
  }
  void TearDown() override { sandbox.stop(); }

  std::string first_job_jnid() {
    const auto jobs = client->fetch_jobs({1, 1, std::nullopt});
    EXPECT_TRUE(jobs.ok());
    return jobs.ok() && !jobs->records.empty() ? jobs->records[0].jnid : std::string();
  }
};

TEST_F(SandboxFixture, HealthAndWrongKey) {
  EXPECT_TRUE(client->health_check().ok);
  const auto wrong = client_for(sandbox.base_url(), "not-the-key-0000");
  const HealthReport health = wrong->health_check();
  EXPECT_FALSE(health.ok);
  EXPECT_EQ(health.error_kind, ApiErrorKind::unauthorized);
  EXPECT_EQ(health.message.find("not-the-key-0000"), std::string::npos);
}

TEST_F(SandboxFixture, ReadsJobsContactsAndOneJob) {
  const auto jobs = client->fetch_jobs({10, 1, std::nullopt});
  ASSERT_TRUE(jobs.ok()) << jobs.error().describe();
  EXPECT_EQ(jobs->records.size(), 10U);
  EXPECT_EQ(jobs->count, 40);
  EXPECT_TRUE(jobs->skipped.empty());
  const Job& first = jobs->records[0];
  EXPECT_FALSE(first.raw_json.empty());
  EXPECT_TRUE(first.date_updated.has_value());
  const auto again = client->fetch_job_by_id(first.jnid);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->jnid, first.jnid);
  EXPECT_EQ(client->fetch_job_by_id("no-such-job").error().kind, ApiErrorKind::not_found);

  const auto since = client->fetch_jobs({1000, 1, first.date_updated});
  ASSERT_TRUE(since.ok());
  for (const auto& job : since->records)
    EXPECT_GE(job.date_updated.value_or(0), *first.date_updated);

  const auto contacts = client->fetch_contacts({5, 2, std::nullopt});
  ASSERT_TRUE(contacts.ok()) << contacts.error().describe();
  EXPECT_EQ(contacts->records.size(), 5U);
  EXPECT_EQ(contacts->count, 30);
}

TEST_F(SandboxFixture, FilesPhotosAndSettings) {
  size_t photos_seen = 0;
  const auto jobs = client->fetch_jobs({40, 1, std::nullopt});
  ASSERT_TRUE(jobs.ok());
  for (const auto& job : jobs->records) {
    const auto files = client->fetch_attachments(job.jnid);
    ASSERT_TRUE(files.ok()) << files.error().describe();
    const auto photos = client->fetch_job_photos(job.jnid);
    ASSERT_TRUE(photos.ok());
    EXPECT_LE(photos->size(), files->size());
    for (const auto& photo : *photos) {
      EXPECT_TRUE(photo.is_photo());
      EXPECT_FALSE(photo.filename.empty());
      bool related = false;
      for (const auto& ref : photo.related) related = related || ref.id == job.jnid;
      EXPECT_TRUE(related);
    }
    photos_seen += photos->size();
  }
  EXPECT_GT(photos_seen, 0U);

  const auto settings = client->fetch_account_settings();
  ASSERT_TRUE(settings.ok()) << settings.error().describe();
  bool any_closed = false;
  for (const auto& workflow : settings->workflows) {
    for (const auto& status : workflow.statuses) any_closed = any_closed || status.is_closed;
  }
  EXPECT_TRUE(any_closed);
}

TEST_F(SandboxFixture, WritesLandAndReadBack) {
  const std::string jnid = first_job_jnid();
  ASSERT_FALSE(jnid.empty());
  const auto note = client->create_note(jnid, {"QC: PASS ✓ — checked by gep", std::nullopt});
  ASSERT_TRUE(note.ok()) << note.error().describe();
  EXPECT_FALSE(note->jnid.empty());
  const auto activities = client->fetch_job_activities(jnid);
  ASSERT_TRUE(activities.ok());
  bool found = false;
  for (const auto& activity : activities->records) found = found || activity.jnid == note->jnid;
  EXPECT_TRUE(found);

  const auto task =
      client->create_task(jnid, {"Upload permit", std::string("city wants it"), std::nullopt});
  ASSERT_TRUE(task.ok()) << task.error().describe();
  const auto tasks = client->fetch_job_tasks(jnid);
  ASSERT_TRUE(tasks.ok());
  found = false;
  for (const auto& listed : tasks->records) found = found || listed.jnid == task->jnid;
  EXPECT_TRUE(found);

  const auto upload = client->upload_attachment(
      jnid,
      {"after-roof.jpg", std::string("\xff\xd8\xff\xe0 jpeg", 9), "photo", "After - south face"});
  ASSERT_TRUE(upload.ok()) << upload.error().describe();
  const auto photos = client->fetch_job_photos(jnid);
  ASSERT_TRUE(photos.ok());
  found = false;
  for (const auto& photo : *photos) found = found || photo.jnid == upload->jnid;
  EXPECT_TRUE(found);

  const auto settings = client->fetch_account_settings();
  ASSERT_TRUE(settings.ok());
  std::string status;
  for (const auto& workflow : settings->workflows) {
    if (workflow.object_type == "job" && !workflow.statuses.empty())
      status = workflow.statuses.back().name;
  }
  ASSERT_FALSE(status.empty());
  ASSERT_TRUE(client->update_job_status(jnid, status).ok());
  EXPECT_EQ(client->fetch_job_by_id(jnid)->status_name, status);
}

TEST_F(SandboxFixture, StreamsEveryKind) {
  const auto count = [](auto stream) {
    std::set<std::string> ids;
    while (!stream.done()) {
      auto page = stream.next_page();
      EXPECT_TRUE(page.ok());
      if (!page.ok()) break;
      for (const auto& record : page->records) EXPECT_TRUE(ids.insert(record.jnid).second);
    }
    return ids.size();
  };
  EXPECT_EQ(count(client->stream_jobs()), 40U);
  EXPECT_EQ(count(client->stream_contacts()), 30U);
  EXPECT_EQ(count(client->stream_ids(Entity::jobs)), 40U);
  EXPECT_GT(count(client->stream_files()), 0U);
}

// Acceptance: 25,000 jobs, ~30% sharing date_updated seconds, 5% faults, 50 requests/s.
TEST(SandboxAcceptance, StreamListsEveryJobExactlyOnceUnderFaults) {
  gep::sandbox::SandboxOptions options;
  options.api_key = kSandboxKey;
  options.jobs = 25'000;
  options.contacts = 100;
  options.photos_per_job = 0;
  options.docs_per_job = 0;
  options.fault_rate = 0.05;
  options.rate_limit = 50;
  options.retry_after = gep::sandbox::RetryAfterMode::mixed;
  gep::sandbox::SandboxServer sandbox(options);
  const auto started = sandbox.start();
  ASSERT_TRUE(started.ok()) << started.error().message;

  // The truth: the sandbox's own id set (read directly, not through the API).
  const auto truth_json = nlohmann::json::parse(sandbox.state().ids(gep::sandbox::Kind::job));
  const auto truth = truth_json.at("active").get<std::set<std::string>>();
  ASSERT_EQ(truth.size(), 25'000U);

  const auto client = client_for(sandbox.base_url(), kSandboxKey, 45.0);
  // 1000 per page is the production setting; 250 per page makes four times the requests, so
  // that the 5% faults certainly hit some of them.
  for (const int page_size : {1000, 250}) {
    const auto start = std::chrono::steady_clock::now();
    const uint64_t sent_before = client->requests_sent();
    std::set<std::string> ids;
    size_t duplicates = 0;
    int64_t first_total = -1;
    StreamOptions stream_options;
    stream_options.page_size = page_size;
    auto stream = client->stream_jobs(stream_options);
    int failures_in_a_row = 0;
    while (!stream.done()) {
      auto page = stream.next_page();
      if (!page.ok()) {
        // A fault that outlasted the client's retries (or a truncated body): the stream did not
        // move, so asking again is safe — exactly what the sync engine does.
        ASSERT_LT(++failures_in_a_row, 10) << page.error().describe();
        continue;
      }
      failures_in_a_row = 0;
      if (first_total < 0) first_total = page->total;
      for (const auto& warning : page->warnings) ADD_FAILURE() << warning;
      for (const auto& job : page->records) duplicates += ids.insert(job.jnid).second ? 0U : 1U;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(duplicates, 0U);
    EXPECT_EQ(first_total, 25'000);
    EXPECT_TRUE(ids == truth) << ids.size() << " listed";
    EXPECT_LT(seconds, 60.0);
    std::printf(
        "[ sandbox  ] page size %d: 25000 jobs in %.1f s, %d list requests, %llu sent with "
        "retries\n",
        page_size, seconds, stream.requests(),
        static_cast<unsigned long long>(client->requests_sent() - sent_before));
  }
  const auto stats = sandbox.traffic().stats();
  std::printf("[ sandbox  ] faults injected: %s, statuses: %s\n", stats.at("faults").dump().c_str(),
              stats.at("statuses").dump().c_str());
  EXPECT_FALSE(stats.at("faults").empty()) << "the faults were not exercised";
}

// More records in one second than the 10,000-result window: the stream pages through that second
// with `jnid >` ranges sorted by jnid, which the sandbox (like Elasticsearch) honours.
TEST(SandboxAcceptance, StreamListsASecondHoldingMoreThanTheResultWindow) {
  gep::sandbox::SandboxOptions options;
  options.api_key = kSandboxKey;
  options.jobs = 14'000;
  options.contacts = 10;
  options.photos_per_job = 0;
  options.docs_per_job = 0;
  gep::sandbox::SandboxServer sandbox(options);
  const auto started = sandbox.start();
  ASSERT_TRUE(started.ok()) << started.error().message;
  const auto truth = nlohmann::json::parse(sandbox.state().ids(gep::sandbox::Kind::job))
                         .at("active")
                         .get<std::vector<std::string>>();
  ASSERT_EQ(truth.size(), 14'000U);
  const std::vector<std::string> crowded(truth.begin(), truth.begin() + 12'000);
  ASSERT_TRUE(sandbox.state().touch(gep::sandbox::Kind::job, crowded, 0, 1'750'000'000).ok());

  const auto client = client_for(sandbox.base_url(), kSandboxKey, 1000.0);
  auto stream = client->stream_jobs();
  std::vector<std::string> listed;
  while (!stream.done()) {
    auto page = stream.next_page();
    ASSERT_TRUE(page.ok()) << page.error().describe();
    for (const auto& warning : page->warnings) ADD_FAILURE() << warning;
    for (const auto& job : page->records) listed.push_back(job.jnid);
  }
  const std::set<std::string> unique(listed.begin(), listed.end());
  EXPECT_EQ(listed.size(), unique.size()) << "duplicates delivered";
  EXPECT_TRUE(unique == std::set<std::string>(truth.begin(), truth.end()))
      << unique.size() << " listed";
  EXPECT_LE(stream.requests(), 14 + 4);
}

// Acceptance: the sandbox receives and stores the note, then the answer is lost (dropped, a 5xx
// or a cut-off body). The client must say outcome_unknown and must not send it again; the
// sandbox's write log shows one note, and so does the job's activity list the outbox reconciles
// with.
TEST(SandboxAcceptance, NoteWithLostAnswerIsNotDuplicated) {
  gep::sandbox::SandboxOptions options;
  options.api_key = kSandboxKey;
  options.jobs = 5;
  gep::sandbox::SandboxServer sandbox(options);
  const auto started = sandbox.start();
  ASSERT_TRUE(started.ok()) << started.error().message;
  const auto client = client_for(sandbox.base_url(), kSandboxKey);
  const auto jobs = client->fetch_jobs({1, 1, std::nullopt});
  ASSERT_TRUE(jobs.ok() && !jobs->records.empty());
  const std::string jnid = jobs->records[0].jnid;

  using gep::sandbox::FaultKind;
  size_t expected_writes = 0;
  for (const FaultKind fault : {FaultKind::drop_after_write, FaultKind::server_error_after_write,
                                FaultKind::truncate_after_write}) {
    const std::string text =
        "QC note sent exactly once: " + std::string(gep::sandbox::to_string(fault));
    sandbox.traffic().force(fault, "POST", "/api1/activities", 1);
    const auto note = client->create_note(jnid, {text, std::nullopt});
    ASSERT_FALSE(note.ok()) << text;
    EXPECT_EQ(note.error().kind, ApiErrorKind::outcome_unknown) << note.error().describe();
    EXPECT_EQ(sandbox.state().write_count("POST /activities"), ++expected_writes) << text;

    // Reconcile the way the outbox will: the job's recent activities hold it once.
    const auto activities = client->fetch_job_activities(jnid);
    ASSERT_TRUE(activities.ok()) << activities.error().describe();
    size_t notes = 0;
    for (const auto& activity : activities->records) notes += activity.note == text ? 1U : 0U;
    EXPECT_EQ(notes, 1U) << text;
  }
  EXPECT_EQ(sandbox.traffic().requests("POST /activities"), expected_writes);
}

// A fault before anything happened is indistinguishable for the client (outcome_unknown), and
// the note indeed does not exist; a refused connection is retried (see http_test.cpp).
TEST(SandboxAcceptance, NoteRefusedBeforeWritingIsNotCreated) {
  gep::sandbox::SandboxOptions options;
  options.api_key = kSandboxKey;
  options.jobs = 5;
  gep::sandbox::SandboxServer sandbox(options);
  ASSERT_TRUE(sandbox.start().ok());
  const auto client = client_for(sandbox.base_url(), kSandboxKey);
  const auto jobs = client->fetch_jobs({1, 1, std::nullopt});
  ASSERT_TRUE(jobs.ok() && !jobs->records.empty());
  sandbox.traffic().force(gep::sandbox::FaultKind::server_error, "POST", "/api1/activities", 1);
  const auto note = client->create_note(jobs->records[0].jnid, {"never written", std::nullopt});
  ASSERT_FALSE(note.ok());
  EXPECT_EQ(note.error().kind, ApiErrorKind::outcome_unknown);
  EXPECT_EQ(sandbox.state().write_count("POST /activities"), 0U);
}

}  // namespace
}  // namespace gep::jobnimbus

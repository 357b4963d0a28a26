#include "sync/webhook_processor.h"

#include <chrono>
#include <thread>

#include "store/repos/webhook_event_repository.h"
#include "sync/sync_fixture.h"
#include "sync/webhook_worker.h"

namespace gep::sync {
namespace {

// The fake JobNimbus, with single-record reads that fail on demand.
class FlakyGateway final : public JobNimbusGateway {
 public:
  explicit FlakyGateway(testing::FakeGateway& inner) : inner_(inner) {}
  int failing_reads = 0;
  jobnimbus::ApiErrorKind failure = jobnimbus::ApiErrorKind::transient;
  int reads = 0;

  std::unique_ptr<PageSource<jobnimbus::Job>> jobs(const jobnimbus::StreamCursor& s) override {
    return inner_.jobs(s);
  }
  std::unique_ptr<PageSource<jobnimbus::Contact>> contacts(
      const jobnimbus::StreamCursor& s) override {
    return inner_.contacts(s);
  }
  std::unique_ptr<PageSource<jobnimbus::FileRecord>> files(
      const jobnimbus::StreamCursor& s) override {
    return inner_.files(s);
  }
  std::unique_ptr<PageSource<jobnimbus::RecordId>> ids(jobnimbus::Entity entity) override {
    return inner_.ids(entity);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::Job>> jobs_with_ids(
      std::span<const std::string> jnids) override {
    return inner_.jobs_with_ids(jnids);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::Contact>> contacts_with_ids(
      std::span<const std::string> jnids) override {
    return inner_.contacts_with_ids(jnids);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> files_with_ids(
      std::span<const std::string> jnids) override {
    return inner_.files_with_ids(jnids);
  }
  jobnimbus::ApiResult<jobnimbus::Job> job(const std::string& jnid) override {
    if (auto failed = next_failure()) return fail(*failed);
    return inner_.job(jnid);
  }
  jobnimbus::ApiResult<jobnimbus::Contact> contact(const std::string& jnid) override {
    if (auto failed = next_failure()) return fail(*failed);
    return inner_.contact(jnid);
  }
  jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> job_files(
      const std::string& jnid) override {
    if (auto failed = next_failure()) return fail(*failed);
    return inner_.job_files(jnid);
  }
  jobnimbus::ApiResult<jobnimbus::AccountSettings> account_settings() override {
    return inner_.account_settings();
  }
  uint64_t requests_sent() const override { return inner_.requests_sent(); }

 private:
  std::optional<jobnimbus::ApiError> next_failure() {
    ++reads;
    if (failing_reads == 0) return std::nullopt;
    --failing_reads;
    return jobnimbus::ApiError{failure, 503, "JobNimbus answered 503", "", std::nullopt, 1};
  }
  testing::FakeGateway& inner_;
};

jobnimbus::Contact make_contact(const std::string& jnid, const std::string& last_name) {
  jobnimbus::Contact contact;
  contact.jnid = jnid;
  contact.first_name = "Clark";
  contact.last_name = last_name;
  contact.date_updated = 1500;
  contact.raw_json = R"({"jnid":")" + jnid + R"("})";
  return contact;
}

class WebhookProcessorTest : public SyncFixture {
 protected:
  void SetUp() override {
    SyncFixture::SetUp();
    events_ = store::make_webhook_event_repository(*database_);
    processor_ = std::make_unique<WebhookProcessor>(flaky_, *database_, *events_, clock_,
                                                    WebhookProcessorOptions{3, 100, {}});
    pull(PullEntity::jobs);  // the mirror holds jobs a..f, all "Sold"
  }

  // What the endpoint does with a body.
  int64_t deliver(const std::string& body) {
    const auto payload = parse_webhook_payload(body);
    EXPECT_TRUE(payload.ok());
    domain::WebhookEvent event;
    event.dedup_key = webhook_dedup_key(*payload, "");
    event.entity_type = std::string(to_string(payload->entity));
    event.jnid = payload->jnid;
    event.payload_json = stored_payload(*payload);
    const auto recorded = events_->record(event);
    EXPECT_TRUE(recorded.ok());
    return recorded->id;
  }

  domain::WebhookEvent event(int64_t id) { return **events_->find(id); }
  domain::Job job(const std::string& jnid) { return **database_->jobs().find_by_jnid(jnid); }

  FlakyGateway flaky_{gateway_};
  std::unique_ptr<domain::WebhookEventRepository> events_;
  std::unique_ptr<WebhookProcessor> processor_;
};

TEST_F(WebhookProcessorTest, AJobEventReFetchesTheJobInsteadOfTrustingTheBody) {
  gateway_.jobs_by_id["b"] = make_job("b", 2000, "Permitting");
  // The body claims another status: it is only a hint.
  const int64_t id =
      deliver(R"({"jnid":"b","type":"job","status_name":"Lost","date_updated":2000})");
  const DrainReport report = processor_->drain();
  EXPECT_EQ(report.claimed, 1);
  EXPECT_EQ(report.processed, 1);
  EXPECT_EQ(job("b").status_name, "Permitting");
  EXPECT_EQ(job("b").jn_date_updated, 2000);
  const auto processed = event(id);
  EXPECT_EQ(processed.status, domain::WebhookStatus::processed);
  EXPECT_EQ(processed.attempts, 1);
  EXPECT_EQ(processed.processed_at, 1'700'000'000);
  const auto log = database_->sync_logs().latest();
  ASSERT_TRUE(log.ok() && log->has_value());
  EXPECT_EQ((*log)->trigger, "webhook");
  EXPECT_EQ((*log)->job_jnid, "b");
  EXPECT_EQ((*log)->updated, 1);
}

TEST_F(WebhookProcessorTest, APassThatReFetchedAJobAsksForItsReEvaluation) {
  std::vector<int64_t> evaluations;
  WebhookProcessorOptions options{3, 100, {}};
  options.after_refetch = [&](int64_t started_at) {
    evaluations.push_back(started_at);
    // What the re-evaluation will read is already stored.
    EXPECT_EQ(job("b").status_name, "Permitting");
  };
  WebhookProcessor processor(flaky_, *database_, *events_, clock_, options);
  EXPECT_EQ(processor.drain().claimed, 0);
  EXPECT_TRUE(evaluations.empty());  // nothing re-fetched, nothing to evaluate

  gateway_.jobs_by_id["b"] = make_job("b", 2000, "Permitting");
  clock_.advance(std::chrono::seconds(30));
  deliver(R"({"jnid":"b","type":"job"})");
  EXPECT_EQ(processor.drain().processed, 1);
  EXPECT_EQ(evaluations, std::vector<int64_t>{1'700'000'030});
}

TEST_F(WebhookProcessorTest, ANewJobIsCreatedWithItsContactLinks) {
  gateway_.jobs_by_id["n"] = make_job("n", 3000, "Lead");
  deliver(R"({"jnid":"n","type":"job"})");
  processor_->drain();
  EXPECT_EQ(job("n").status_name, "Lead");
  const auto links = database_->job_contacts().list_for_job("n");
  ASSERT_EQ(links->size(), 1U);
  EXPECT_EQ((*links)[0].contact_jnid, "c-n");
}

TEST_F(WebhookProcessorTest, AJobJobNimbusNoLongerHasIsMarkedDeleted) {
  gateway_.jobs_by_id.erase("c");
  const int64_t id = deliver(R"({"jnid":"c","type":"job","date_updated":1002})");
  processor_->drain();
  EXPECT_TRUE(job("c").deleted_at.has_value());
  EXPECT_EQ(event(id).status, domain::WebhookStatus::processed);
}

TEST_F(WebhookProcessorTest, AContactEventReFetchesTheContact) {
  gateway_.contacts_by_id["k1"] = make_contact("k1", "Kent");
  deliver(R"({"jnid":"k1","type":"contact","last_name":"Wrong"})");
  processor_->drain();
  const auto contact = database_->contacts().find_by_jnid("k1");
  ASSERT_TRUE(contact.ok() && contact->has_value());
  EXPECT_EQ((*contact)->last_name, "Kent");
}

TEST_F(WebhookProcessorTest, AFileEventReListsTheFilesOfItsJob) {
  jobnimbus::FileRecord photo;
  photo.jnid = "p1";
  photo.filename = "p1.jpg";
  photo.record_type = 2;
  photo.record_type_name = "Photo";
  photo.date_updated = 1500;
  photo.primary = jobnimbus::RecordRef{"a", "job", "", ""};
  photo.raw_json = "{}";
  gateway_.files_by_id["p1"] = photo;
  gateway_.files_by_id["p2"] = photo;
  gateway_.files_by_id["p2"].jnid = "p2";
  deliver(R"({"jnid":"p2","type":"attachment","primary":{"id":"a","type":"job"}})");
  processor_->drain();
  EXPECT_EQ(database_->files().list_for_job("a")->size(), 2U);
}

TEST_F(WebhookProcessorTest, ActivitiesAndTasksReFetchTheirJob) {
  gateway_.jobs_by_id["d"] = make_job("d", 2100, "Completed");
  gateway_.jobs_by_id["e"] = make_job("e", 2100, "Invoiced");
  deliver(R"({"jnid":"n1","type":"activity","note":"x","primary":{"id":"d","type":"job"}})");
  deliver(R"({"jnid":"t1","type":"task","title":"Install","related":[{"id":"e","type":"job"}]})");
  EXPECT_EQ(processor_->drain().processed, 2);
  EXPECT_EQ(job("d").status_name, "Completed");
  EXPECT_EQ(job("e").status_name, "Invoiced");
}

TEST_F(WebhookProcessorTest, RecordsWithNothingToReFetchAreIgnored) {
  const int64_t unknown = deliver(R"({"jnid":"u1"})");
  const int64_t orphan = deliver(R"({"jnid":"n2","type":"activity","note":"x"})");
  const DrainReport report = processor_->drain();
  EXPECT_EQ(report.ignored, 2);
  EXPECT_EQ(event(unknown).status, domain::WebhookStatus::ignored);
  EXPECT_EQ(event(orphan).last_error, "the record names no job or contact");
  EXPECT_EQ(flaky_.reads, 0);
}

TEST_F(WebhookProcessorTest, TransientFailuresAreRetriedThenMarkedFailed) {
  flaky_.failing_reads = 10;
  const int64_t id = deliver(R"({"jnid":"a","type":"job","date_updated":1000})");
  EXPECT_EQ(processor_->drain().retrying, 1);
  EXPECT_EQ(event(id).status, domain::WebhookStatus::received);
  EXPECT_EQ(event(id).attempts, 1);
  EXPECT_FALSE(event(id).processed_at.has_value());
  EXPECT_EQ(processor_->drain().retrying, 1);
  EXPECT_EQ(processor_->drain().failed, 1);  // the third of max_attempts = 3
  const auto failed = event(id);
  EXPECT_EQ(failed.status, domain::WebhookStatus::failed);
  EXPECT_EQ(failed.attempts, 3);
  EXPECT_NE(failed.last_error.find("503"), std::string::npos);
  EXPECT_EQ(processor_->drain().claimed, 0);
}

TEST_F(WebhookProcessorTest, APermanentFailureIsNotRetried) {
  flaky_.failing_reads = 1;
  flaky_.failure = jobnimbus::ApiErrorKind::unauthorized;
  const int64_t id = deliver(R"({"jnid":"a","type":"job","date_updated":1000})");
  EXPECT_EQ(processor_->drain().failed, 1);
  EXPECT_EQ(event(id).status, domain::WebhookStatus::failed);
}

TEST_F(WebhookProcessorTest, ARepeatedDeliveryIsProcessedOnce) {
  deliver(R"({"jnid":"a","type":"job","date_updated":1000})");
  deliver(R"([{"jnid":"a","type":"job","date_updated":1000}])");
  EXPECT_EQ(processor_->drain().claimed, 1);
  EXPECT_EQ(processor_->drain().claimed, 0);
  EXPECT_EQ(flaky_.reads, 1);
}

TEST_F(WebhookProcessorTest, AnEventInterruptedByAStopIsPickedUpAfterRestart) {
  gateway_.jobs_by_id["f"] = make_job("f", 2200, "Paid & Closed");
  const int64_t id = deliver(R"({"jnid":"f","type":"job"})");
  ASSERT_TRUE(*events_->claim(id));  // a process claimed it, then died
  EXPECT_EQ(processor_->drain().claimed, 0);
  WebhookWorker worker(*processor_, *events_, {std::chrono::milliseconds(20)});
  worker.start();  // requeues, then drains
  for (int i = 0; i < 500 && event(id).status != domain::WebhookStatus::processed; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  worker.stop();
  EXPECT_EQ(event(id).status, domain::WebhookStatus::processed);
  EXPECT_EQ(job("f").status_name, "Paid & Closed");
}

TEST_F(WebhookProcessorTest, TheWorkerDrainsWhenNotified) {
  WebhookWorker worker(*processor_, *events_, {std::chrono::hours(1), std::chrono::hours(1)});
  worker.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // first (empty) pass done
  gateway_.jobs_by_id["a"] = make_job("a", 2300, "On Hold");
  const int64_t id = deliver(R"({"jnid":"a","type":"job","date_updated":2300})");
  worker.notify();
  for (int i = 0; i < 500 && event(id).status != domain::WebhookStatus::processed; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  worker.stop();
  EXPECT_EQ(job("a").status_name, "On Hold");
}

}  // namespace
}  // namespace gep::sync

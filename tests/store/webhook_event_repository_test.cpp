#include "store/repos/webhook_event_repository.h"

#include <algorithm>
#include <thread>
#include <vector>

#include "store/store_fixture.h"

namespace gep::test {
namespace {

class WebhookEventRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    events_ = store::make_webhook_event_repository(db());
  }

  static domain::WebhookEvent event_of(const std::string& key, const std::string& jnid) {
    domain::WebhookEvent event;
    event.dedup_key = key;
    event.entity_type = "job";
    event.jnid = jnid;
    event.payload_json = R"({"jnid":")" + jnid + R"(","name":"Zoë's <roof>"})";
    return event;
  }

  std::unique_ptr<domain::WebhookEventRepository> events_;
};

TEST_P(WebhookEventRepositoryTest, RecordsAnEventWithEveryField) {
  clock_.set(from_unix_seconds(1'700'000'123));
  const auto recorded = events_->record(event_of("record:abc", "j1"));
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_FALSE(recorded->duplicate);
  const auto found = events_->find(recorded->id);
  ASSERT_TRUE(found && found->has_value());
  const auto& event = **found;
  EXPECT_EQ(event.dedup_key, "record:abc");
  EXPECT_EQ(event.entity_type, "job");
  EXPECT_EQ(event.jnid, "j1");
  EXPECT_EQ(event.payload_json, R"({"jnid":"j1","name":"Zoë's <roof>"})");
  EXPECT_EQ(event.status, domain::WebhookStatus::received);
  EXPECT_EQ(event.attempts, 0);
  EXPECT_EQ(event.received_at, 1'700'000'123);
  EXPECT_FALSE(event.processed_at.has_value());
  EXPECT_FALSE(events_->find(recorded->id + 100)->has_value());
}

TEST_P(WebhookEventRepositoryTest, ASecondEventWithTheSameKeyIsADuplicate) {
  const auto first = events_->record(event_of("webhook-id:1", "j1"));
  const auto second = events_->record(event_of("webhook-id:1", "j2"));
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(second->duplicate);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ((*events_->find(first->id))->jnid, "j1");
  EXPECT_EQ(events_->pending(10)->size(), 1U);
}

TEST_P(WebhookEventRepositoryTest, ConcurrentDeliveriesOfOneEventStoreOneRow) {
  std::vector<std::thread> threads;
  std::vector<int> duplicates(8, -1);
  for (size_t i = 0; i < duplicates.size(); ++i) {
    threads.emplace_back([&, i] {
      const auto recorded = events_->record(event_of("race", "j1"));
      if (recorded) duplicates[i] = recorded->duplicate ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(duplicates.begin(), duplicates.end(), 0), 1);
  EXPECT_EQ(std::count(duplicates.begin(), duplicates.end(), 1), 7);
}

TEST_P(WebhookEventRepositoryTest, PendingIsOldestFirstAndAClaimIsExclusive) {
  clock_.set(from_unix_seconds(2000));
  const auto late = events_->record(event_of("k2", "late"));
  clock_.set(from_unix_seconds(1000));
  const auto early = events_->record(event_of("k1", "early"));
  const auto pending = events_->pending(10);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 2U);
  EXPECT_EQ((*pending)[0].jnid, "early");
  EXPECT_EQ(events_->pending(1)->size(), 1U);

  EXPECT_TRUE(*events_->claim(early->id));
  EXPECT_FALSE(*events_->claim(early->id));  // another worker's claim loses
  const auto claimed = **events_->find(early->id);
  EXPECT_EQ(claimed.status, domain::WebhookStatus::processing);
  EXPECT_EQ(claimed.attempts, 1);
  ASSERT_EQ(events_->pending(10)->size(), 1U);
  EXPECT_EQ(events_->pending(10)->front().id, late->id);
}

TEST_P(WebhookEventRepositoryTest, FinishRecordsTheOutcome) {
  const auto id = events_->record(event_of("k", "j"))->id;
  ASSERT_TRUE(*events_->claim(id));
  clock_.set(from_unix_seconds(5000));
  ASSERT_TRUE(events_->finish(id, domain::WebhookStatus::received, "transient: 503"));
  auto event = **events_->find(id);
  EXPECT_EQ(event.status, domain::WebhookStatus::received);
  EXPECT_EQ(event.last_error, "transient: 503");
  EXPECT_FALSE(event.processed_at.has_value());

  ASSERT_TRUE(*events_->claim(id));
  ASSERT_TRUE(events_->finish(id, domain::WebhookStatus::failed, "unauthorized"));
  event = **events_->find(id);
  EXPECT_EQ(event.status, domain::WebhookStatus::failed);
  EXPECT_EQ(event.attempts, 2);
  EXPECT_EQ(event.processed_at, 5000);
  EXPECT_TRUE(events_->pending(10)->empty());

  const auto missing = events_->finish(id + 1000, domain::WebhookStatus::processed, "");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "not_found");
}

TEST_P(WebhookEventRepositoryTest, InterruptedEventsAreQueuedAgain) {
  const auto a = events_->record(event_of("a", "a"))->id;
  const auto b = events_->record(event_of("b", "b"))->id;
  const auto c = events_->record(event_of("c", "c"))->id;
  ASSERT_TRUE(*events_->claim(a));
  ASSERT_TRUE(*events_->claim(b));
  ASSERT_TRUE(events_->finish(b, domain::WebhookStatus::processed, ""));
  EXPECT_EQ(*events_->requeue_interrupted(), 1);
  EXPECT_EQ((**events_->find(a)).status, domain::WebhookStatus::received);
  EXPECT_EQ((**events_->find(b)).status, domain::WebhookStatus::processed);
  EXPECT_EQ(events_->pending(10)->size(), 2U);
  EXPECT_EQ((**events_->find(c)).status, domain::WebhookStatus::received);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(WebhookEventRepositoryTest);

}  // namespace
}  // namespace gep::test

// The outbox and conflicts tables on both backends, and concurrent claimers: every item is
// claimed by exactly one of them (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer).
#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store_fixture.h"

namespace gep::test {
namespace {

using domain::OutboxItem;
using domain::OutboxKind;
using domain::OutboxStatus;

class OutboxRepositoryTest : public StoreTest {
 protected:
  int64_t now() const { return to_unix_seconds(clock_.now()); }

  OutboxItem enqueue(const std::string& text, OutboxKind kind = OutboxKind::note,
                     const std::string& job = "job1") {
    OutboxItem item;
    item.kind = kind;
    item.job_jnid = job;
    item.payload_json = R"({"text":")" + text + R"(","status":")" + text + R"("})";
    item.source = "test";
    auto stored = db().outbox().enqueue(item);
    EXPECT_TRUE(stored.ok()) << stored.error().message;
    return *stored;
  }
  std::vector<OutboxItem> claim(const std::string& worker, int limit = 100, int64_t lease = 60) {
    auto claimed = db().outbox().claim_due(worker, now(), now() + lease, limit);
    EXPECT_TRUE(claimed.ok()) << claimed.error().message;
    return claimed.ok() ? *claimed : std::vector<OutboxItem>{};
  }
  OutboxItem reload(int64_t id) { return db().outbox().find(id)->value(); }
};

TEST_P(OutboxRepositoryTest, EnqueuesFindsAndLists) {
  const auto first = enqueue("a");
  const auto second = enqueue("b", OutboxKind::task, "job2");
  EXPECT_GT(first.id, 0);
  EXPECT_EQ(first.status, OutboxStatus::pending);
  EXPECT_EQ(first.created_at, now());
  EXPECT_EQ(first.next_attempt_at, now());
  EXPECT_EQ(first.max_attempts, 8);
  EXPECT_FALSE(first.outcome_unknown);
  EXPECT_EQ(reload(second.id).kind, OutboxKind::task);
  EXPECT_FALSE(db().outbox().find(9999)->has_value());
  const auto all = db().outbox().list({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 2);
  EXPECT_EQ(all->items.front().id, second.id);  // newest first
  EXPECT_EQ(db().outbox().list({std::nullopt, "job2", 10, 0})->total, 1);
  EXPECT_EQ(db().outbox().list({OutboxStatus::dead, "", 10, 0})->total, 0);
}

TEST_P(OutboxRepositoryTest, ClaimLeasesDueItemsOnceAndCountsTheAttempt) {
  const auto item = enqueue("a");
  OutboxItem later;
  later.kind = OutboxKind::note;
  later.job_jnid = "job1";
  later.payload_json = "{}";
  later.next_attempt_at = now() + 100;
  ASSERT_TRUE(db().outbox().enqueue(later).ok());

  const auto claimed = claim("w1");
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].id, item.id);
  EXPECT_EQ(claimed[0].status, OutboxStatus::in_flight);
  EXPECT_EQ(claimed[0].locked_by, "w1");
  EXPECT_EQ(claimed[0].locked_until, now() + 60);
  EXPECT_EQ(claimed[0].attempts, 1);
  EXPECT_FALSE(claimed[0].outcome_unknown);
  EXPECT_TRUE(claim("w2").empty());  // leased, and the other one is not due
}

TEST_P(OutboxRepositoryTest, AnExpiredLeaseIsReclaimedAsOutcomeUnknown) {
  const auto item = enqueue("a");
  ASSERT_EQ(claim("crashed", 10, 30).size(), 1u);
  clock_.advance(std::chrono::seconds{31});
  const auto reclaimed = claim("w2");
  ASSERT_EQ(reclaimed.size(), 1u);
  EXPECT_TRUE(reclaimed[0].outcome_unknown);
  EXPECT_EQ(reclaimed[0].attempts, 2);
  EXPECT_EQ(reclaimed[0].locked_by, "w2");
  // The crashed worker, should it come back, can no longer record anything.
  domain::OutboxOutcome delivered{OutboxStatus::delivered, "jn1", 0, "", false};
  EXPECT_FALSE(*db().outbox().finish(item.id, "crashed", delivered, now()));
  EXPECT_FALSE(*db().outbox().renew_lease(item.id, "crashed", now() + 60));
  EXPECT_TRUE(*db().outbox().renew_lease(item.id, "w2", now() + 60));
  EXPECT_TRUE(*db().outbox().finish(item.id, "w2", delivered, now()));
  const auto stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::delivered);
  EXPECT_EQ(stored.result_jnid, "jn1");
  EXPECT_EQ(stored.delivered_at, now());
  EXPECT_EQ(stored.locked_by, "");
  EXPECT_EQ(db().outbox().delivered_result_ids("job1", OutboxKind::note)->size(), 1u);
  EXPECT_TRUE(db().outbox().delivered_result_ids("job1", OutboxKind::task)->empty());
}

TEST_P(OutboxRepositoryTest, RetriesReleasesAndDeadLetters) {
  const auto item = enqueue("a");
  ASSERT_EQ(claim("w").size(), 1u);
  domain::OutboxOutcome retry{OutboxStatus::pending, "", now() + 30, "HTTP 503", true};
  ASSERT_TRUE(*db().outbox().finish(item.id, "w", retry, now()));
  auto stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::pending);
  EXPECT_EQ(stored.next_attempt_at, now() + 30);
  EXPECT_EQ(stored.last_error, "HTTP 503");
  EXPECT_TRUE(stored.outcome_unknown);
  EXPECT_TRUE(claim("w").empty());
  clock_.advance(std::chrono::seconds{30});
  ASSERT_EQ(claim("w").size(), 1u);
  ASSERT_TRUE(*db().outbox().release(item.id, "w", now()));
  EXPECT_EQ(reload(item.id).attempts, 1);  // the released claim does not count
  ASSERT_EQ(claim("w").size(), 1u);
  EXPECT_FALSE(*db().outbox().retry_dead(item.id, now()));  // not dead
  domain::OutboxOutcome dead{OutboxStatus::dead, "", 0, "HTTP 400", false};
  ASSERT_TRUE(*db().outbox().finish(item.id, "w", dead, now()));
  EXPECT_EQ(reload(item.id).status, OutboxStatus::dead);
  EXPECT_TRUE(claim("w").empty());
  ASSERT_TRUE(*db().outbox().retry_dead(item.id, now()));
  stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::pending);
  EXPECT_EQ(stored.attempts, 0);
  EXPECT_EQ(claim("w").size(), 1u);
}

TEST_P(OutboxRepositoryTest, StatusChangesOfAJobAreClaimedInOrderAndConflictsHold) {
  const auto first = enqueue("Sold", OutboxKind::status);
  const auto second = enqueue("Permitting", OutboxKind::status);
  const auto other_job = enqueue("Lost", OutboxKind::status, "job2");
  auto claimed = claim("w");
  ASSERT_EQ(claimed.size(), 2u);
  EXPECT_EQ(claimed[0].id, first.id);
  EXPECT_EQ(claimed[1].id, other_job.id);
  const auto pending =
      db().outbox().pending_for_jobs(OutboxKind::status, std::vector<std::string>{"job1", "job2"});
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ(pending->front().id, second.id);

  domain::Conflict conflict;
  conflict.job_jnid = "job1";
  conflict.field = "status";
  conflict.outbox_id = second.id;
  const auto recorded = db().conflicts().record(conflict);
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_TRUE(*db().conflicts().exists_for_outbox(second.id));
  domain::OutboxOutcome delivered{OutboxStatus::delivered, "job1", 0, "", false};
  ASSERT_TRUE(*db().outbox().finish(first.id, "w", delivered, now()));
  EXPECT_TRUE(claim("w").empty());  // held by the open conflict
  EXPECT_EQ(db().conflicts().list(domain::ConflictStatus::open, 10, 0)->total, 1);
  ASSERT_TRUE(*db().conflicts().resolve(recorded->id, domain::ConflictSide::local, "me", now()));
  EXPECT_FALSE(*db().conflicts().resolve(recorded->id, domain::ConflictSide::remote, "me", now()));
  const auto resolved = db().conflicts().find(recorded->id)->value();
  EXPECT_EQ(resolved.resolution, domain::ConflictSide::local);
  EXPECT_EQ(resolved.resolved_by, "me");
  EXPECT_EQ(claim("w").size(), 1u);
  EXPECT_TRUE(*db().outbox().cancel_pending(enqueue("x").id, "superseded", now()));
}

// Several claimers, each with its own Database (a separate process would be no different to the
// server), drain 400 items: each item is claimed by exactly one of them.
TEST_P(OutboxRepositoryTest, ConcurrentClaimersEachGetDisjointItems) {
  constexpr int kItems = 400;
  constexpr int kClaimers = 4;
  for (int i = 0; i < kItems; ++i) enqueue("n" + std::to_string(i));
  std::mutex mutex;
  std::map<int64_t, int> claims;
  std::atomic<int> errors{0};
  {
    std::vector<std::jthread> threads;
    for (int c = 0; c < kClaimers; ++c) {
      threads.emplace_back([&, c] {
        auto database = test_database_->open(&clock_, 2);
        if (!database) {
          ++errors;
          return;
        }
        const std::string worker = "w" + std::to_string(c);
        for (;;) {
          const int64_t at = to_unix_seconds(clock_.now());
          auto batch = (*database)->outbox().claim_due(worker, at, at + 60, 7);
          if (!batch) {
            if (batch.error().code == "busy") continue;  // SQLite writer lock: try again
            ++errors;
            return;
          }
          if (batch->empty()) return;
          for (const auto& item : *batch) {
            {
              const std::lock_guard lock(mutex);
              ++claims[item.id];
            }
            domain::OutboxOutcome done{OutboxStatus::delivered, "r" + std::to_string(item.id), 0,
                                       "", false};
            if (!*(*database)->outbox().finish(item.id, worker, done, at)) ++errors;
          }
        }
      });
    }
  }
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(claims.size(), static_cast<size_t>(kItems));
  for (const auto& [id, count] : claims) EXPECT_EQ(count, 1) << "item " << id;
  EXPECT_EQ(db().outbox().list({OutboxStatus::delivered, "", 1, 0})->total, kItems);
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(OutboxRepositoryTest);

}  // namespace
}  // namespace gep::test

// The outbox worker: delivery, backoff, dead letters, and exactly-once when outcomes are unknown.
#include "sync/outbox_fixture.h"

namespace gep::sync {
namespace {

using domain::OutboxStatus;
using jobnimbus::ApiErrorKind;
using std::chrono::seconds;
using Failure = testing::FakeWriter::Failure;

using OutboxWorkerTest = OutboxFixture;

TEST_F(OutboxWorkerTest, DeliversANoteAndLogsAPushWithTheJob) {
  const auto item = note("Roof inspected");
  const auto report = worker().run_once();
  EXPECT_EQ(report.delivered, 1);
  EXPECT_EQ(writer_.notes_with_text("Roof inspected"), 1);
  const auto stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::delivered);
  EXPECT_EQ(stored.result_jnid, writer_.activities.front().jnid);
  EXPECT_EQ(stored.attempts, 1);
  const auto log = database_->sync_logs().latest()->value();
  EXPECT_EQ(log.sync_type, domain::SyncType::push);
  EXPECT_EQ(log.status, domain::SyncStatus::success);
  EXPECT_EQ(log.job_id, job_.id);
  EXPECT_EQ(log.job_jnid, "job1");
  EXPECT_EQ(log.entity, "note");
  EXPECT_EQ(log.records_affected, 1);
  EXPECT_EQ(worker().run_once().claimed, 0);  // nothing left
}

TEST_F(OutboxWorkerTest, BackoffIsExponentialWithFullJitterAndCapped) {
  for (int attempts = 1; attempts <= 12; ++attempts) {
    const int64_t ceiling = std::min<int64_t>(600'000, 2000LL << (attempts - 1));
    int64_t largest = 0;
    for (int draw = 0; draw < 200; ++draw) {
      const int64_t delay = worker().backoff(attempts).count();
      EXPECT_GE(delay, 1000);
      EXPECT_LE(delay, std::max<int64_t>(ceiling, 1000));
      largest = std::max(largest, delay);
    }
    // Full jitter spreads over the whole range: some draws come close to the ceiling.
    EXPECT_GT(largest, ceiling * 8 / 10) << attempts;
  }
}

TEST_F(OutboxWorkerTest, RetriesWithBackoffOnTheClockThenDelivers) {
  const auto item = note("retry me");
  writer_.failures = {{ApiErrorKind::transient, false}, {ApiErrorKind::rate_limited, false}};
  EXPECT_EQ(worker().run_once().retried, 1);
  auto stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::pending);
  EXPECT_GT(stored.next_attempt_at, to_unix_seconds(clock_.now()));
  EXPECT_NE(stored.last_error.find("transient"), std::string::npos);
  EXPECT_EQ(worker().run_once().claimed, 0);  // not due yet
  advance(seconds{stored.next_attempt_at - to_unix_seconds(clock_.now())});
  EXPECT_EQ(worker().run_once().retried, 1);
  advance(seconds{600});
  EXPECT_EQ(worker().run_once().delivered, 1);
  stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::delivered);
  EXPECT_EQ(stored.attempts, 3);
  EXPECT_EQ(writer_.notes_with_text("retry me"), 1);
}

TEST_F(OutboxWorkerTest, DeadLettersAfterMaxAttemptsWithTheLastError) {
  const auto item = note("never arrives");
  for (int i = 0; i < 8; ++i) writer_.failures.push_back({ApiErrorKind::transient, false});
  writer_.failures.back().kind = ApiErrorKind::timeout;
  OutboxRunReport total;
  for (int round = 0; round < 20; ++round) {
    total += worker().run_once();
    advance(seconds{601});
  }
  EXPECT_EQ(total.retried, 7);
  EXPECT_EQ(total.dead, 1);
  const auto stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::dead);
  EXPECT_EQ(stored.attempts, 8);
  EXPECT_NE(stored.last_error.find("timeout"), std::string::npos);
  const auto log = database_->sync_logs().latest()->value();
  EXPECT_EQ(log.sync_type, domain::SyncType::push);
  EXPECT_EQ(log.status, domain::SyncStatus::failed);
  EXPECT_EQ(log.job_id, job_.id);
  EXPECT_EQ(log.error_message, stored.last_error);
}

TEST_F(OutboxWorkerTest, ARefusalIsDeadAtOnce) {
  const auto item = enqueue(status_item(job_, {"No Such Status"}));
  writer_.failures = {{ApiErrorKind::validation, false}};
  EXPECT_EQ(worker().run_once().dead, 1);
  EXPECT_EQ(reload(item.id).attempts, 1);
}

TEST_F(OutboxWorkerTest, OutcomeUnknownThenReconcileFindsItAndDoesNotResend) {
  const auto item = note("Crew scheduled for Monday");
  writer_.failures = {{ApiErrorKind::outcome_unknown, true}};  // applied, answer lost
  EXPECT_EQ(worker().run_once().retried, 1);
  EXPECT_TRUE(reload(item.id).outcome_unknown);
  advance(seconds{601});
  const auto report = worker().run_once();
  EXPECT_EQ(report.reconciled, 1);
  EXPECT_EQ(report.sends, 0);
  EXPECT_EQ(writer_.sends, 1);
  EXPECT_EQ(writer_.notes_with_text("Crew scheduled for Monday"), 1);
  const auto stored = reload(item.id);
  EXPECT_EQ(stored.status, OutboxStatus::delivered);
  EXPECT_EQ(stored.result_jnid, writer_.activities.front().jnid);
}

TEST_F(OutboxWorkerTest, OutcomeUnknownThenNotFoundIsSentOnce) {
  const auto item = note("lost before arriving");
  writer_.failures = {{ApiErrorKind::outcome_unknown, false}};
  EXPECT_EQ(worker().run_once().retried, 1);
  advance(seconds{601});
  const auto report = worker().run_once();
  EXPECT_EQ(report.delivered, 1);
  EXPECT_EQ(report.reconciled, 0);
  EXPECT_EQ(writer_.sends, 2);
  EXPECT_EQ(writer_.notes_with_text("lost before arriving"), 1);
  EXPECT_EQ(reload(item.id).status, OutboxStatus::delivered);
}

TEST_F(OutboxWorkerTest, AFailedReconcileNeverSends) {
  const auto item = note("cannot tell");
  writer_.failures = {{ApiErrorKind::outcome_unknown, true}};
  (void)worker().run_once();
  writer_.list_failures = 1;
  advance(seconds{601});
  EXPECT_EQ(worker().run_once().retried, 1);
  EXPECT_EQ(writer_.sends, 1);
  EXPECT_TRUE(reload(item.id).outcome_unknown);
  advance(seconds{601});
  EXPECT_EQ(worker().run_once().reconciled, 1);
  EXPECT_EQ(writer_.notes_with_text("cannot tell"), 1);
}

TEST_F(OutboxWorkerTest, AReclaimedLeaseIsReconciledBeforeResending) {
  const auto sent = note("sent before the crash");
  const auto unsent = note("crashed before sending");
  // A worker claims both, sends the first, and dies (kill -9): both stay in flight.
  const int64_t now = to_unix_seconds(clock_.now());
  ASSERT_EQ(database_->outbox().claim_due("dead-worker", now, now + 60, 10)->size(), 2u);
  ASSERT_TRUE(writer_.create_note("job1", "sent before the crash").ok());
  EXPECT_EQ(worker().run_once().claimed, 0);  // the lease still holds them
  advance(seconds{61});
  const auto report = worker().run_once();
  EXPECT_EQ(report.claimed, 2);
  EXPECT_EQ(report.reconciled, 1);
  EXPECT_EQ(report.sends, 1);
  EXPECT_EQ(writer_.notes_with_text("sent before the crash"), 1);
  EXPECT_EQ(writer_.notes_with_text("crashed before sending"), 1);
  EXPECT_EQ(reload(sent.id).attempts, 2);  // the crashed claim counts
  EXPECT_EQ(reload(unsent.id).status, OutboxStatus::delivered);
}

TEST_F(OutboxWorkerTest, IdenticalNotesAreNotMistakenForEachOther) {
  const auto first = note("Same text");
  EXPECT_EQ(worker().run_once().delivered, 1);
  const auto second = note("Same text");
  const int64_t now = to_unix_seconds(clock_.now());
  ASSERT_EQ(database_->outbox().claim_due("dead-worker", now, now + 60, 10)->size(), 1u);
  advance(seconds{61});
  EXPECT_EQ(worker().run_once().sends, 1);  // the first note's record is not the second's
  EXPECT_EQ(writer_.notes_with_text("Same text"), 2);
  EXPECT_NE(reload(first.id).result_jnid, reload(second.id).result_jnid);
}

TEST_F(OutboxWorkerTest, TasksAndAttachmentsReconcileToo) {
  const auto task = enqueue(task_item(job_, {"Order panels", "48 x 400W", std::nullopt}));
  const auto file =
      enqueue(attachment_item(job_, {"contract.pdf", "%PDF-1.7 bytes", "document", ""}));
  writer_.failures = {{ApiErrorKind::outcome_unknown, true}, {ApiErrorKind::outcome_unknown, true}};
  EXPECT_EQ(worker().run_once().retried, 2);
  advance(seconds{601});
  EXPECT_EQ(worker().run_once().reconciled, 2);
  EXPECT_EQ(writer_.tasks.size(), 1u);
  EXPECT_EQ(writer_.files.size(), 1u);
  EXPECT_EQ(reload(task.id).result_jnid, writer_.tasks.front().jnid);
  EXPECT_EQ(reload(file.id).result_jnid, writer_.files.front().jnid);
  EXPECT_EQ(writer_.files.front().size, 14);
}

TEST_F(OutboxWorkerTest, AStatusChangeIsRepeatedWithoutLooking) {
  const auto item = enqueue(status_item(job_, {"Sold"}));
  writer_.failures = {{ApiErrorKind::outcome_unknown, true}};
  (void)worker().run_once();
  advance(seconds{601});
  EXPECT_EQ(worker().run_once().delivered, 1);
  EXPECT_EQ(writer_.listings, 0);
  EXPECT_EQ(writer_.statuses["job1"], "Sold");
  EXPECT_EQ(reload(item.id).status, OutboxStatus::delivered);
}

TEST_F(OutboxWorkerTest, AJobsStatusChangesGoOutInOrder) {
  const auto first = enqueue(status_item(job_, {"Sold"}));
  const auto second = enqueue(status_item(job_, {"Permitting"}));
  writer_.failures = {{ApiErrorKind::transient, false}};
  const auto report = worker().run_once();
  EXPECT_EQ(report.claimed, 1);  // the second waits for the first
  advance(seconds{601});
  EXPECT_EQ(worker().run_once().delivered, 1);
  EXPECT_EQ(worker().run_once().delivered, 1);
  EXPECT_EQ(writer_.statuses["job1"], "Permitting");
  EXPECT_EQ(reload(first.id).status, OutboxStatus::delivered);
  EXPECT_EQ(reload(second.id).status, OutboxStatus::delivered);
}

TEST_F(OutboxWorkerTest, StoppingHandsUnsentItemsBack) {
  for (int i = 0; i < 3; ++i) note("note " + std::to_string(i));
  worker().stop();  // stopping before the batch: everything claimed is released
  const auto report = worker().run_once();
  EXPECT_EQ(report.claimed, 3);
  EXPECT_EQ(report.released, 3);
  EXPECT_EQ(writer_.sends, 0);
  const auto pending = database_->outbox().list({OutboxStatus::pending, "", 10, 0});
  EXPECT_EQ(pending->total, 3);
  for (const auto& item : pending->items) EXPECT_EQ(item.attempts, 0);
}

TEST_F(OutboxWorkerTest, TheThreadDeliversWhenWoken) {
  worker().start();
  const auto item = note("through the thread");
  worker().wake();
  for (int i = 0; i < 200 && reload(item.id).status != OutboxStatus::delivered; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // a short poll, not a wait
  }
  worker().stop();
  EXPECT_EQ(reload(item.id).status, OutboxStatus::delivered);
  EXPECT_EQ(writer_.notes_with_text("through the thread"), 1);
}

}  // namespace
}  // namespace gep::sync

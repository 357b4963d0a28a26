// Item 9: a status set through gep, not yet delivered, and changed in JobNimbus too.
#include "sync/conflicts.h"
#include "sync/outbox_requests.h"
#include "sync/sync_fixture.h"

namespace gep::sync {
namespace {

using domain::ConflictSide;
using domain::ConflictStatus;
using domain::OutboxStatus;

class ConflictTest : public SyncFixture {
 protected:
  void SetUp() override {
    SyncFixture::SetUp();
    pull(PullEntity::jobs);  // job "a" is mirrored with status "Sold"
  }

  domain::OutboxItem set_status_locally(const std::string& status) {
    const auto job = database_->jobs().find_by_jnid("a")->value();
    auto item = database_->outbox().enqueue(*status_item(job, {status}));
    EXPECT_TRUE(item.ok());
    return *item;
  }
  // Another JobNimbus user changes the status at `changed_at`.
  void change_remotely(const std::string& status, int64_t changed_at) {
    auto& job = gateway_.jobs_by_id["a"];
    job.status_name = status;
    job.date_status_change = changed_at;
    job.date_updated = changed_at;
  }
  PullReport pull_with(ConflictPolicy policy) {
    PullOptions options;
    options.lookback_seconds = 0;
    options.conflict_policy = policy;
    return PullEngine(gateway_, *database_, clock_).pull(PullEntity::jobs, options);
  }
  std::vector<domain::Conflict> conflicts() {
    return database_->conflicts().list(std::nullopt, 50, 0)->items;
  }
  size_t claimable() {
    const int64_t now = to_unix_seconds(clock_.now());
    auto claimed = database_->outbox().claim_due("probe", now, now + 60, 10);
    for (const auto& item : *claimed) (void)database_->outbox().release(item.id, "probe", now);
    return claimed->size();
  }
  int64_t now() const { return to_unix_seconds(clock_.now()); }
};

TEST_F(ConflictTest, NoConflictWhenJobNimbusDidNotChangeTheStatus) {
  set_status_locally("Permitting");
  gateway_.jobs_by_id["a"].date_updated = now() + 5;  // another field changed
  pull_with(ConflictPolicy::manual);
  EXPECT_TRUE(conflicts().empty());
  change_remotely("Permitting", now() + 10);  // or it already shows ours
  pull_with(ConflictPolicy::manual);
  EXPECT_TRUE(conflicts().empty());
  EXPECT_EQ(claimable(), 1u);
}

TEST_F(ConflictTest, AnEarlierChangeThroughGepIsNotAConflict) {
  const auto first = set_status_locally("Permitting");
  const auto second = set_status_locally("Scheduled");  // the mirror still says "Sold"
  const int64_t at = now();
  ASSERT_EQ(database_->outbox().claim_due("w", at, at + 60, 1)->size(), 1u);
  ASSERT_TRUE(*database_->outbox().finish(
      first.id, "w", {domain::OutboxStatus::delivered, "a", 0, "", false}, at));
  change_remotely("Permitting", now() + 60);  // our own first change, delivered
  pull_with(ConflictPolicy::last_write_wins);
  EXPECT_TRUE(conflicts().empty());
  EXPECT_EQ(database_->outbox().find(second.id)->value().status, OutboxStatus::pending);
}

TEST_F(ConflictTest, LastWriteWinsKeepsTheLocalChangeWhenItIsNewer) {
  const auto item = set_status_locally("Permitting");
  change_remotely("Lost", now() - 3600);  // changed an hour before ours
  pull_with(ConflictPolicy::last_write_wins);
  const auto recorded = conflicts();
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].status, ConflictStatus::resolved);
  EXPECT_EQ(recorded[0].resolution, ConflictSide::local);
  EXPECT_EQ(recorded[0].resolved_by, "last-write-wins");
  EXPECT_EQ(recorded[0].local_value, "Permitting");
  EXPECT_EQ(recorded[0].remote_value, "Lost");
  EXPECT_EQ(recorded[0].outbox_id, item.id);
  EXPECT_EQ(claimable(), 1u);  // it will be delivered
  pull_with(ConflictPolicy::last_write_wins);
  EXPECT_EQ(conflicts().size(), 1u);  // decided once
}

TEST_F(ConflictTest, LastWriteWinsDropsTheLocalChangeWhenJobNimbusIsNewer) {
  const auto item = set_status_locally("Permitting");
  change_remotely("Lost", now() + 60);
  pull_with(ConflictPolicy::last_write_wins);
  ASSERT_EQ(conflicts().size(), 1u);
  EXPECT_EQ(conflicts()[0].resolution, ConflictSide::remote);
  const auto stored = database_->outbox().find(item.id)->value();
  EXPECT_EQ(stored.status, OutboxStatus::dead);
  EXPECT_NE(stored.last_error.find("superseded"), std::string::npos);
  EXPECT_EQ(database_->jobs().find_by_jnid("a")->value().status_name, "Lost");
}

TEST_F(ConflictTest, ManualHoldsTheItemUntilResolvedForLocal) {
  set_status_locally("Permitting");
  change_remotely("Lost", now() + 60);
  pull_with(ConflictPolicy::manual);
  const auto recorded = conflicts();
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].status, ConflictStatus::open);
  EXPECT_EQ(claimable(), 0u);  // held: neither side is overwritten
  EXPECT_EQ(database_->conflicts().list(ConflictStatus::open, 10, 0)->total, 1);
  const auto resolved =
      resolve_conflict(*database_, recorded[0].id, ConflictSide::local, "tester", now());
  ASSERT_TRUE(resolved.ok()) << resolved.error().message;
  EXPECT_EQ(resolved->status, ConflictStatus::resolved);
  EXPECT_EQ(resolved->resolution, ConflictSide::local);
  EXPECT_EQ(claimable(), 1u);
  const auto again = resolve_conflict(*database_, recorded[0].id, ConflictSide::remote, "x", now());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "conflict");
  EXPECT_EQ(resolve_conflict(*database_, 999, ConflictSide::local, "x", now()).error().code,
            "not_found");
}

TEST_F(ConflictTest, ManualResolvedForRemoteDropsTheItem) {
  const auto item = set_status_locally("Permitting");
  change_remotely("Lost", now() - 60);  // older than ours, but manual asks anyway
  pull_with(ConflictPolicy::manual);
  ASSERT_EQ(conflicts().size(), 1u);
  ASSERT_TRUE(resolve_conflict(*database_, conflicts()[0].id, ConflictSide::remote, "t", now()));
  EXPECT_EQ(database_->outbox().find(item.id)->value().status, OutboxStatus::dead);
  EXPECT_EQ(claimable(), 0u);
}

TEST_F(ConflictTest, PolicyNamesParse) {
  EXPECT_EQ(parse_conflict_policy("last-write-wins"), ConflictPolicy::last_write_wins);
  EXPECT_EQ(parse_conflict_policy("manual"), ConflictPolicy::manual);
  EXPECT_FALSE(parse_conflict_policy("lww").has_value());
  EXPECT_EQ(to_string(ConflictPolicy::manual), "manual");
}

}  // namespace
}  // namespace gep::sync

// The list reads of issue 13 on both backends: every risk order and filter answers the rows the
// guide's ordering gives (ties by job id), keyset paging never repeats or skips a row that did not
// change while the list changed under it, and cached totals follow every write, also one made
// through another Database on the same data (another instance).
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using ListPagingTest = StoreTest;

struct Stored {
  int64_t id = 0;
  std::string name;
  std::string number;
  std::string customer;
  std::string status;
  int64_t status_changed = 0;  // 0: unknown (stored NULL), listed last in both directions
  std::string level;
  std::vector<std::string> codes;
  int64_t evaluated_at = 0;
};

int rank_of(const std::string& level) {
  return level == "HIGH" ? 2 : level == "MEDIUM" ? 1 : 0;
}

// 48 jobs whose names, numbers and evaluation times repeat, so that every order has ties.
// Names and numbers are upper-case letters and digits of one width: bytewise and collated
// orders agree on them.
std::vector<Stored> store_varied_jobs(store::Database& db) {
  std::vector<domain::Job> jobs;
  for (int n = 1; n <= 48; ++n) {
    domain::Job job = make_job(n);
    job.name = std::string("N") + static_cast<char>('A' + (n * 7) % 5) + std::to_string(n % 3);
    job.number = "K" + std::to_string(100 + (n * 5) % 11);
    job.customer_name = std::string("Cust ") + (n % 3 == 0   ? "ALPHA"
                                                : n % 3 == 1 ? "BETA"
                                                             : "GAMMA");
    job.status_name = std::string("S") + static_cast<char>('A' + (n * 5) % 4);
    job.date_status_change = n % 5 == 0 ? 0 : 2000 + (n % 7) * 100;
    jobs.push_back(job);
  }
  EXPECT_TRUE(db.jobs().upsert_batch(jobs));
  const char* levels[] = {"HIGH", "MEDIUM", "LOW"};
  const char* codes[] = {"STALE_JOB", "STUCK_IN_STATUS", "MISSING_DOCUMENTS"};
  std::vector<Stored> stored;
  std::vector<domain::RiskSnapshotRecord> snapshots;
  for (int n = 1; n <= 48; ++n) {
    Stored row;
    row.id = (*db.jobs().find_by_jnid("job" + std::to_string(n)))->id;
    row.name = jobs[static_cast<size_t>(n - 1)].name;
    row.number = jobs[static_cast<size_t>(n - 1)].number;
    row.customer = jobs[static_cast<size_t>(n - 1)].customer_name;
    row.status = jobs[static_cast<size_t>(n - 1)].status_name;
    row.status_changed = jobs[static_cast<size_t>(n - 1)].date_status_change;
    row.level = levels[(n * 3) % 7 % 3];
    row.codes = {codes[n % 3]};
    if (n % 4 == 0) row.codes.emplace_back(codes[(n + 1) % 3]);
    row.evaluated_at = 1000 + (n % 6) * 10;
    domain::RiskSnapshotRecord snapshot;
    snapshot.job_id = row.id;
    snapshot.risk_level = row.level;
    snapshot.reason_codes = row.codes;
    snapshot.reasons_json = "[]";
    snapshot.actions_json = "[]";
    snapshot.evaluated_at = row.evaluated_at;
    snapshots.push_back(snapshot);
    stored.push_back(row);
  }
  EXPECT_TRUE(db.risk_snapshots().append(snapshots));
  return stored;
}

// The guide's orders as they were written before the stored keys: riskLevel is the level, then
// the most recently evaluated, then the job id in the list's direction.
std::vector<int64_t> expected_order(std::vector<Stored> rows, const domain::RiskListQuery& query) {
  std::erase_if(rows, [&](const Stored& row) {
    const bool level_ok = query.level.empty() || row.level == query.level;
    const bool reason_ok = query.reason.empty() || std::find(row.codes.begin(), row.codes.end(),
                                                             query.reason) != row.codes.end();
    const bool status_ok = query.status.empty() || row.status == query.status;
    // The fixture's q is an upper-case customer word searched in lower case: the search ignores
    // case, and no other field of these jobs holds it.
    std::string lowered = row.customer;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](const unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool text_ok = query.q.empty() || lowered.find(query.q) != std::string::npos;
    return !level_ok || !reason_ok || !status_ok || !text_ok;
  });
  const bool down = query.descending;
  std::sort(rows.begin(), rows.end(), [&](const Stored& a, const Stored& b) {
    switch (query.sort) {
      case domain::RiskSort::risk_level:
        if (rank_of(a.level) != rank_of(b.level))
          return down ? rank_of(a.level) > rank_of(b.level) : rank_of(a.level) < rank_of(b.level);
        if (a.evaluated_at != b.evaluated_at) return a.evaluated_at > b.evaluated_at;
        break;
      case domain::RiskSort::evaluated_at:
        if (a.evaluated_at != b.evaluated_at)
          return down ? a.evaluated_at > b.evaluated_at : a.evaluated_at < b.evaluated_at;
        break;
      case domain::RiskSort::job_name:
        if (a.name != b.name) return down ? a.name > b.name : a.name < b.name;
        break;
      case domain::RiskSort::job_number:
        if (a.number != b.number) return down ? a.number > b.number : a.number < b.number;
        break;
      case domain::RiskSort::customer_name:
        if (a.customer != b.customer)
          return down ? a.customer > b.customer : a.customer < b.customer;
        break;
      case domain::RiskSort::status_name:
        if (a.status != b.status) return down ? a.status > b.status : a.status < b.status;
        break;
      case domain::RiskSort::days_in_status:  // descending: most days, the oldest change, first
        if ((a.status_changed == 0) != (b.status_changed == 0)) return b.status_changed == 0;
        if (a.status_changed != b.status_changed) {
          return down ? a.status_changed < b.status_changed : a.status_changed > b.status_changed;
        }
        break;
    }
    // Ties follow the stored key's direction: days in status descending is the change time
    // ascending, so its ties come by ascending id.
    const bool ties_down = query.sort == domain::RiskSort::days_in_status ? !down : down;
    return ties_down ? a.id > b.id : a.id < b.id;
  });
  std::vector<int64_t> ids;
  for (const auto& row : rows) ids.push_back(row.id);
  return ids;
}

// Every row of the list, walked with the cursor `page_size` rows at a time.
std::vector<int64_t> walk_risk(store::Database& db, domain::RiskListQuery query, int page_size) {
  std::vector<int64_t> ids;
  query.limit = page_size;
  for (int pages = 0; pages < 1000; ++pages) {
    const auto page = db.risk_snapshots().list_latest(query);
    EXPECT_TRUE(page) << page.error().message;
    if (!page) break;
    for (const auto& item : page->items) ids.push_back(item.job_id);
    if (page->next_cursor.empty()) break;
    query.after = page->next_cursor;
  }
  return ids;
}

TEST_P(ListPagingTest, EveryRiskOrderAndFilterAnswersTheGuidesRowsByOffsetAndByCursor) {
  const auto stored = store_varied_jobs(db());
  const domain::RiskSort sorts[] = {domain::RiskSort::risk_level,    domain::RiskSort::evaluated_at,
                                    domain::RiskSort::job_name,      domain::RiskSort::job_number,
                                    domain::RiskSort::customer_name, domain::RiskSort::status_name,
                                    domain::RiskSort::days_in_status};
  // level, reason, status, q
  const std::array<std::string, 4> filters[] = {{"", "", "", ""},
                                                {"HIGH", "", "", ""},
                                                {"LOW", "", "", ""},
                                                {"", "STALE_JOB", "", ""},
                                                {"MEDIUM", "MISSING_DOCUMENTS", "", ""},
                                                {"", "", "SB", ""},
                                                {"HIGH", "STUCK_IN_STATUS", "SC", ""},
                                                {"", "", "", "beta"},
                                                {"LOW", "STALE_JOB", "", "alpha"}};
  for (const auto sort : sorts) {
    for (const bool descending : {true, false}) {
      for (const auto& [level, reason, status, q] : filters) {
        domain::RiskListQuery query;
        query.sort = sort;
        query.descending = descending;
        query.level = level;
        query.reason = reason;
        query.status = status;
        query.q = q;
        const auto expected = expected_order(stored, query);
        const std::string label = "sort " + std::to_string(static_cast<int>(sort)) +
                                  (descending ? " desc" : " asc") + " level '" + level +
                                  "' reason '" + reason + "' status '" + status + "' q '" + q + "'";
        query.limit = 1000;
        const auto all = db().risk_snapshots().list_latest(query);
        ASSERT_TRUE(all) << all.error().message;
        std::vector<int64_t> listed;
        for (const auto& item : all->items) listed.push_back(item.job_id);
        EXPECT_EQ(listed, expected) << label;
        EXPECT_EQ(all->total, static_cast<int64_t>(expected.size())) << label;
        EXPECT_TRUE(all->next_cursor.empty()) << label;
        EXPECT_EQ(walk_risk(db(), query, 5), expected) << label << " (cursor)";
        // Offsets near the start are read forwards, those past the middle from the far end.
        const auto size = std::ssize(expected);
        for (const int64_t offset : {int64_t{6}, size - 5, size - 1, size + 2}) {
          if (offset < 0) continue;
          query.limit = 4;
          query.offset = offset;
          const auto window = db().risk_snapshots().list_latest(query);
          ASSERT_TRUE(window) << window.error().message;
          std::vector<int64_t> listed_window;
          for (const auto& item : window->items) listed_window.push_back(item.job_id);
          const auto from = expected.begin() + std::min<ptrdiff_t>(offset, size);
          const auto to = from + std::min<ptrdiff_t>(4, expected.end() - from);
          EXPECT_EQ(listed_window, std::vector<int64_t>(from, to))
              << label << " (offset " << offset << ")";
          EXPECT_EQ(window->next_cursor.empty(), to == expected.end()) << label;
        }
      }
    }
  }
}

TEST_P(ListPagingTest, KeysetPagingNeverRepeatsOrSkipsARowThatDidNotChange) {
  const auto stored = store_varied_jobs(db());
  domain::RiskListQuery query;
  query.limit = 5;
  std::vector<int64_t> seen;
  std::set<int64_t> changed;
  int round = 0;
  for (;;) {
    const auto page = db().risk_snapshots().list_latest(query);
    ASSERT_TRUE(page) << page.error().message;
    for (const auto& item : page->items) seen.push_back(item.job_id);
    if (page->next_cursor.empty()) break;
    query.after = page->next_cursor;
    // Between pages the list changes: a job moves to another level (re-evaluated now), one is
    // deleted, and a new job with a snapshot appears.
    ++round;
    const Stored& moved = stored[static_cast<size_t>(round * 7 % 48)];
    domain::RiskSnapshotRecord again;
    again.job_id = moved.id;
    again.risk_level = moved.level == "HIGH" ? "LOW" : "HIGH";
    again.reasons_json = "[]";
    again.actions_json = "[]";
    again.evaluated_at = 5000 + round;
    ASSERT_TRUE(db().risk_snapshots().append(std::vector{again}));
    changed.insert(moved.id);
    const size_t deleted = static_cast<size_t>(round * 11 % 48);  // stored[i] is job i + 1
    const std::vector<std::string> gone{"job" + std::to_string(deleted + 1)};
    ASSERT_TRUE(db().jobs().mark_deleted(gone, 2000));
    changed.insert(stored[deleted].id);
    domain::Job fresh = make_job(100 + round);
    ASSERT_TRUE(db().jobs().upsert_batch(std::vector{fresh}));
    const int64_t fresh_id = (*db().jobs().find_by_jnid(fresh.jnid))->id;
    domain::RiskSnapshotRecord appeared = again;
    appeared.job_id = fresh_id;
    appeared.risk_level = "MEDIUM";
    ASSERT_TRUE(db().risk_snapshots().append(std::vector{appeared}));
    changed.insert(fresh_id);
  }
  ASSERT_GT(round, 5);
  std::map<int64_t, int> times_seen;
  for (const int64_t id : seen) ++times_seen[id];
  for (const auto& row : stored) {
    if (changed.contains(row.id)) continue;
    EXPECT_EQ(times_seen[row.id], 1) << "job id " << row.id;
  }
}

TEST_P(ListPagingTest, RecordListingsPageByCursorThroughRowsWithoutADate) {
  std::vector<domain::Job> jobs;
  for (int n = 1; n <= 23; ++n) {
    domain::Job job = make_job(n);
    job.jn_date_updated = n % 5 == 0 ? 0 : 1'700'000'000 + (n % 4) * 10;  // ties, and NULLs
    jobs.push_back(job);
  }
  ASSERT_TRUE(db().jobs().upsert_batch(jobs));
  domain::ListQuery query;
  query.limit = 1000;
  const auto all = db().jobs().list(query);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->items.size(), 23U);
  EXPECT_EQ(all->items.back().jn_date_updated, 0);  // no date: last
  std::vector<std::string> expected;
  for (const auto& job : all->items) expected.push_back(job.jnid);

  std::vector<std::string> walked;
  query.limit = 4;
  for (int pages = 0; pages < 100; ++pages) {
    const auto page = db().jobs().list(query);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 23);
    for (const auto& job : page->items) walked.push_back(job.jnid);
    if (page->next_cursor.empty()) break;
    query.after = page->next_cursor;
  }
  EXPECT_EQ(walked, expected);
}

TEST_P(ListPagingTest, ACursorOfAnotherListOrOrderIsRefused) {
  store_varied_jobs(db());
  domain::RiskListQuery query;
  query.limit = 3;
  const auto first = db().risk_snapshots().list_latest(query);
  ASSERT_TRUE(first && !first->next_cursor.empty());
  query.sort = domain::RiskSort::job_name;
  query.after = first->next_cursor;
  const auto other_order = db().risk_snapshots().list_latest(query);
  ASSERT_FALSE(other_order);
  EXPECT_EQ(other_order.error().code, "validation");
  domain::ListQuery jobs;
  jobs.after = first->next_cursor;
  ASSERT_FALSE(db().jobs().list(jobs));
  jobs.after = "not a cursor";
  const auto garbage = db().jobs().list(jobs);
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, "validation");
}

TEST_P(ListPagingTest, CachedTotalsFollowWritesOfAnotherInstance) {
  const auto stored = store_varied_jobs(db());
  auto other = test_database_->open(&clock_);
  ASSERT_TRUE(other) << other.error().message;
  store::Database& second = **other;

  domain::RiskListQuery high;
  high.level = "HIGH";
  const int64_t highs = db().risk_snapshots().list_latest(high)->total;
  EXPECT_EQ(db().risk_snapshots().list_latest(high)->total, highs);  // from the cache
  EXPECT_EQ(db().jobs().list({})->total, 48);

  domain::Job fresh = make_job(200);
  ASSERT_TRUE(second.jobs().upsert_batch(std::vector{fresh}));
  EXPECT_EQ(db().jobs().list({})->total, 49);
  const int64_t fresh_id = (*second.jobs().find_by_jnid(fresh.jnid))->id;
  domain::RiskSnapshotRecord snapshot;
  snapshot.job_id = fresh_id;
  snapshot.risk_level = "HIGH";
  snapshot.reasons_json = "[]";
  snapshot.actions_json = "[]";
  snapshot.evaluated_at = 3000;
  ASSERT_TRUE(second.risk_snapshots().append(std::vector{snapshot}));
  EXPECT_EQ(db().risk_snapshots().list_latest(high)->total, highs + 1);

  ASSERT_TRUE(second.jobs().mark_deleted(std::vector<std::string>{fresh.jnid}, 4000));
  EXPECT_EQ(db().risk_snapshots().list_latest(high)->total, highs);
  EXPECT_EQ(db().jobs().list({})->total, 48);
  domain::ListQuery with_deleted;
  with_deleted.include_deleted = true;
  EXPECT_EQ(db().jobs().list(with_deleted)->total, 49);

  const auto qc_before = db().qc_checks().overview({50, 0, "PASS", ""});
  ASSERT_TRUE(qc_before) << qc_before.error().message;
  domain::QcCheck check;
  check.job_id = stored.front().id;
  check.status = "PASS";
  check.missing_json = "[]";
  check.photos_json = "[]";
  check.checked_at = 100;
  ASSERT_TRUE(second.qc_checks().append(std::vector{check}));
  EXPECT_EQ(db().qc_checks().overview({50, 0, "PASS", ""})->total, qc_before->total + 1);
}

TEST_P(ListPagingTest, TheQcOverviewPagesByCursorInJobOrder) {
  store_varied_jobs(db());
  domain::QcOverviewQuery query{1000, 0, "", ""};
  const auto all = db().qc_checks().overview(query);
  ASSERT_TRUE(all) << all.error().message;
  std::vector<int64_t> expected;
  for (const auto& item : all->items) expected.push_back(item.job_id);
  ASSERT_EQ(expected.size(), 48U);
  std::vector<int64_t> walked;
  query.limit = 7;
  for (int pages = 0; pages < 100; ++pages) {
    const auto page = db().qc_checks().overview(query);
    ASSERT_TRUE(page) << page.error().message;
    for (const auto& item : page->items) walked.push_back(item.job_id);
    if (page->next_cursor.empty()) break;
    query.after = page->next_cursor;
  }
  EXPECT_EQ(walked, expected);
}

// A reason filter in the evaluation order reads the reason index: a snapshot re-evaluated in place
// (refresh) moves there too, and a new latest snapshot without the reason leaves it.
TEST_P(ListPagingTest, TheReasonIndexFollowsRefreshesAndNewSnapshots) {
  const auto ids = [&] {
    std::vector<domain::Job> jobs{make_job(1), make_job(2)};
    EXPECT_TRUE(db().jobs().upsert_batch(jobs));
    return std::vector<int64_t>{(*db().jobs().find_by_jnid("job1"))->id,
                                (*db().jobs().find_by_jnid("job2"))->id};
  }();
  const auto snapshot = [](int64_t job_id, std::vector<std::string> codes, int64_t at) {
    domain::RiskSnapshotRecord record;
    record.job_id = job_id;
    record.risk_level = "HIGH";
    record.reason_codes = std::move(codes);
    record.reasons_json = "[]";
    record.actions_json = "[]";
    record.evaluated_at = at;
    return record;
  };
  ASSERT_TRUE(db().risk_snapshots().append(
      std::vector{snapshot(ids[0], {"STALE_JOB"}, 100), snapshot(ids[1], {"STALE_JOB"}, 200)}));
  domain::RiskListQuery stale;
  stale.reason = "STALE_JOB";
  stale.sort = domain::RiskSort::evaluated_at;
  const auto order = [&] {
    std::vector<int64_t> listed;
    const auto page = db().risk_snapshots().list_latest(stale);
    EXPECT_TRUE(page) << page.error().message;
    if (page) {
      for (const auto& item : page->items) listed.push_back(item.job_id);
    }
    return listed;
  };
  EXPECT_EQ(order(), (std::vector<int64_t>{ids[1], ids[0]}));
  const auto first = db().risk_snapshots().latest(ids[0]);
  ASSERT_TRUE(first && first->has_value());
  const std::vector<domain::RiskRefresh> refresh{{(*first)->id, "[]", "[]", "Sold"}};
  ASSERT_TRUE(db().risk_snapshots().refresh(refresh, 300));
  EXPECT_EQ(order(), (std::vector<int64_t>{ids[0], ids[1]}));
  ASSERT_TRUE(
      db().risk_snapshots().append(std::vector{snapshot(ids[0], {"MISSING_DOCUMENTS"}, 400)}));
  EXPECT_EQ(order(), (std::vector<int64_t>{ids[1]}));
  stale.reason = "MISSING_DOCUMENTS";
  EXPECT_EQ(order(), (std::vector<int64_t>{ids[0]}));
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(ListPagingTest);

}  // namespace
}  // namespace gep::test

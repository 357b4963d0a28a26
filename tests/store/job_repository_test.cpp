#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "store/fixture_helpers.h"
#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using JobRepositoryTest = StoreTest;

std::vector<domain::Job> make_jobs(int first, int count) {
  std::vector<domain::Job> jobs;
  for (int n = first; n < first + count; ++n) jobs.push_back(make_job(n));
  return jobs;
}

// A listing that hands out `chunks` one at a time, then its end; or fails after `fail_after`.
domain::IdChunkSource listing(std::vector<std::vector<std::string>> chunks, int fail_after = -1) {
  auto served = std::make_shared<size_t>(0);
  return [chunks = std::move(chunks), served,
          fail_after]() -> Result<std::optional<std::vector<std::string>>> {
    if (fail_after >= 0 && *served == static_cast<size_t>(fail_after))
      return fail("incomplete", "JobNimbus answered 503");
    if (*served == chunks.size()) return std::optional<std::vector<std::string>>{};
    return std::optional<std::vector<std::string>>{chunks[(*served)++]};
  };
}

std::vector<std::string> job_ids(int first, int last, int step = 1) {
  std::vector<std::string> ids;
  for (int n = first; n <= last; n += step) ids.push_back("job" + std::to_string(n));
  return ids;
}

void expect_same_content(const domain::Job& stored, const domain::Job& expected) {
  EXPECT_EQ(stored.jnid, expected.jnid);
  EXPECT_EQ(stored.number, expected.number);
  EXPECT_EQ(stored.name, expected.name);
  EXPECT_EQ(stored.display_name, expected.display_name);
  EXPECT_EQ(stored.customer_name, expected.customer_name);
  EXPECT_EQ(stored.address_line1, expected.address_line1);
  EXPECT_EQ(stored.address_line2, expected.address_line2);
  EXPECT_EQ(stored.city, expected.city);
  EXPECT_EQ(stored.state, expected.state);
  EXPECT_EQ(stored.zip, expected.zip);
  EXPECT_EQ(stored.status_id, expected.status_id);
  EXPECT_EQ(stored.status_name, expected.status_name);
  EXPECT_EQ(stored.date_status_change, expected.date_status_change);
  EXPECT_EQ(stored.jn_date_created, expected.jn_date_created);
  EXPECT_EQ(stored.jn_date_updated, expected.jn_date_updated);
  EXPECT_EQ(stored.sales_rep_id, expected.sales_rep_id);
  EXPECT_EQ(stored.sales_rep_name, expected.sales_rep_name);
  EXPECT_EQ(stored.record_type_id, expected.record_type_id);
  EXPECT_EQ(stored.record_type_name, expected.record_type_name);
  EXPECT_EQ(stored.is_active, expected.is_active);
  EXPECT_EQ(stored.raw_json, expected.raw_json);
}

TEST_P(JobRepositoryTest, UpsertCountsCreatedUpdatedAndUnchanged) {
  const auto jobs = make_jobs(1, 3);
  const auto created = db().jobs().upsert_batch(jobs);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->created, 3);
  EXPECT_EQ(created->updated, 0);
  EXPECT_EQ(created->unchanged, 0);

  // Re-reading the same page (the incremental sync's overlap) writes nothing.
  const auto reread = db().jobs().upsert_batch(jobs);
  ASSERT_TRUE(reread) << reread.error().message;
  EXPECT_EQ(reread->unchanged, 3);
  EXPECT_EQ(reread->created + reread->updated, 0);

  auto changed = jobs;
  changed[0].status_name = "Completed";  // a mapped field
  changed[1].raw_json += " ";            // only the raw JSON
  changed.push_back(make_job(4));        // a new one
  const auto mixed = db().jobs().upsert_batch(changed);
  ASSERT_TRUE(mixed) << mixed.error().message;
  EXPECT_EQ(mixed->created, 1);
  EXPECT_EQ(mixed->updated, 2);
  EXPECT_EQ(mixed->unchanged, 1);

  const auto stored = db().jobs().find_by_jnid("job1");
  ASSERT_TRUE(stored && stored->has_value());
  EXPECT_EQ((*stored)->status_name, "Completed");
}

TEST_P(JobRepositoryTest, LaterDuplicateInOneBatchWins) {
  auto first = make_job(1);
  auto second = make_job(1);
  second.name = "Renamed";
  const std::vector<domain::Job> batch{first, second};
  const auto counts = db().jobs().upsert_batch(batch);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->created, 1);
  EXPECT_EQ(counts->unchanged, 1);
  EXPECT_EQ((*db().jobs().find_by_jnid("job1"))->name, "Renamed");
}

TEST_P(JobRepositoryTest, KeepsEveryFieldAndTheRawJson) {
  auto job = make_job(7);
  job.address_line2 = "";
  job.status_id = 0;  // unset round-trips as 0
  const std::vector<domain::Job> batch{job};
  ASSERT_TRUE(db().jobs().upsert_batch(batch));
  const auto by_jnid = db().jobs().find_by_jnid("job7");
  ASSERT_TRUE(by_jnid && by_jnid->has_value());
  expect_same_content(**by_jnid, job);
  EXPECT_GT((*by_jnid)->id, 0);
  EXPECT_EQ((*by_jnid)->created_at, to_unix_seconds(clock_.now()));
  EXPECT_FALSE((*by_jnid)->deleted_at.has_value());

  const auto by_id = db().jobs().find_by_id((*by_jnid)->id);
  ASSERT_TRUE(by_id && by_id->has_value());
  expect_same_content(**by_id, job);
  const auto missing = db().jobs().find_by_jnid("nope");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST_P(JobRepositoryTest, UnicodeRoundTripsAndIsSearchable) {
  auto job = make_job(1);
  job.name = "Zoë Ünïcødé — 北京屋根 🌞 install";
  job.customer_name = "Ångström Solar";
  job.raw_json =
      R"({"jnid":"job1","name":"Zoë Ünïcødé — 北京屋根 🌞 install","emoji":"\ud83c\udf1e"})";
  const std::vector<domain::Job> batch{job};
  ASSERT_TRUE(db().jobs().upsert_batch(batch));
  const auto stored = db().jobs().find_by_jnid("job1");
  ASSERT_TRUE(stored && stored->has_value());
  EXPECT_EQ((*stored)->name, job.name);
  EXPECT_EQ((*stored)->customer_name, job.customer_name);
  EXPECT_EQ((*stored)->raw_json, job.raw_json);

  for (const std::string query : {"北京", "🌞", "ZOË ÜNÏCØDÉ", "Ångström"}) {
    domain::ListQuery search;
    search.q = query;
    const auto found = db().jobs().list(search);
    ASSERT_TRUE(found) << found.error().message;
    // Any case, accents included: SQLite's trigram index and PostgreSQL's ILIKE fold letters
    // beyond ASCII ("北京" has two characters: the LIKE scan answers it).
    EXPECT_EQ(found->total, 1) << query;
  }
}

TEST_P(JobRepositoryTest, SearchFiltersAndPaginationTotals) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 30)));
  domain::ListQuery everything;
  everything.limit = 7;
  const auto first_page = db().jobs().list(everything);
  ASSERT_TRUE(first_page) << first_page.error().message;
  EXPECT_EQ(first_page->total, 30);
  ASSERT_EQ(first_page->items.size(), 7U);
  EXPECT_EQ(first_page->items.front().jnid, "job30");  // newest JobNimbus update first

  everything.offset = 28;
  const auto last_page = db().jobs().list(everything);
  ASSERT_TRUE(last_page);
  EXPECT_EQ(last_page->total, 30);
  ASSERT_EQ(last_page->items.size(), 2U);
  EXPECT_EQ(last_page->items.back().jnid, "job1");

  domain::ListQuery by_status;
  by_status.status = "Sold";  // n % 4 == 1
  const auto sold = db().jobs().list(by_status);
  ASSERT_TRUE(sold);
  EXPECT_EQ(sold->total, 8);
  for (const auto& job : sold->items) EXPECT_EQ(job.status_name, "Sold");

  const auto count = [&](const std::string& q, const std::string& status = "") {
    domain::ListQuery query;
    query.q = q;
    query.status = status;
    const auto page = db().jobs().list(query);
    return page ? page->total : -1;
  };
  EXPECT_EQ(count("SOLAR INSTALL 1"), 11);  // name: 1, 10..19
  EXPECT_EQ(count("1012"), 1);              // number
  EXPECT_EQ(count("customer 2"), 11);       // customer name: 2, 20..29
  EXPECT_EQ(count("unit 9"), 1);            // address line 2
  EXPECT_EQ(count("provo"), 15);            // city
  EXPECT_EQ(count("provo", "Sold"), 8);
  EXPECT_EQ(count("no such thing"), 0);
}

TEST_P(JobRepositoryTest, SoftDeleteUndeleteAndReconcile) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 5)));
  const std::vector<std::string> gone{"job2", "job3"};
  const auto deleted = db().jobs().mark_deleted(gone, 1'800'000'000);
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_EQ(*deleted, 2);
  EXPECT_EQ(*db().jobs().mark_deleted(gone, 1'800'000'001), 0);  // already deleted

  EXPECT_EQ(db().jobs().list({})->total, 3);
  domain::ListQuery with_deleted;
  with_deleted.include_deleted = true;
  EXPECT_EQ(db().jobs().list(with_deleted)->total, 5);
  EXPECT_EQ(*db().jobs().list_jnids(domain::Presence::deleted), gone);
  EXPECT_EQ(db().jobs().list_jnids(domain::Presence::all)->size(), 5U);
  EXPECT_EQ(*db().jobs().count(domain::Presence::all), 5);
  EXPECT_EQ(*db().jobs().count(domain::Presence::deleted), static_cast<int64_t>(gone.size()));
  EXPECT_EQ(*db().jobs().count(domain::Presence::active), 5 - static_cast<int64_t>(gone.size()));
  const auto kept = db().jobs().find_by_jnid("job2");
  ASSERT_TRUE(kept && kept->has_value());
  EXPECT_EQ((*kept)->deleted_at, 1'800'000'000);

  const std::vector<std::string> back{"job2"};
  EXPECT_EQ(*db().jobs().undelete(back), 1);
  EXPECT_FALSE((*db().jobs().find_by_jnid("job2"))->deleted_at.has_value());

  // JobNimbus now lists only job1 and job2: everything else active vanished.
  const std::vector<std::string> present{"job1", "job2"};
  const auto changes = db().jobs().reconcile_presence(listing({present}), 1'800'000'100);
  ASSERT_TRUE(changes) << changes.error().message;
  EXPECT_EQ(changes->deleted, 2);  // job4, job5
  EXPECT_EQ(changes->undeleted, 0);
  EXPECT_EQ(*db().jobs().list_jnids(domain::Presence::active), present);
  EXPECT_EQ((*db().jobs().find_by_jnid("job5"))->deleted_at, 1'800'000'100);

  // A record that shows up in a page again is undeleted by the upsert.
  const std::vector<domain::Job> reappeared{make_job(3)};
  const auto counts = db().jobs().upsert_batch(reappeared);
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->updated, 1);
  EXPECT_FALSE((*db().jobs().find_by_jnid("job3"))->deleted_at.has_value());

  // An inactive record is stored deleted.
  auto inactive = make_job(1);
  inactive.is_active = false;
  const std::vector<domain::Job> deactivated{inactive};
  ASSERT_TRUE(db().jobs().upsert_batch(deactivated));
  EXPECT_TRUE((*db().jobs().find_by_jnid("job1"))->deleted_at.has_value());
}

TEST_P(JobRepositoryTest, AnOlderCopyStoredAfterANewerOneLeavesTheNewer) {
  // A webhook's re-fetch stores the job as JobNimbus has it now...
  auto refetched = make_job(1);
  refetched.status_name = "Install Scheduled";
  refetched.jn_date_updated = 1'800'000'500;
  refetched.raw_json = R"({"jnid":"job1","status_name":"Install Scheduled"})";
  ASSERT_TRUE(db().jobs().upsert_batch(std::vector{refetched}));

  // ...then a listing page fetched before it is stored: its copy is older.
  auto listed = make_job(1);
  listed.status_name = "Lead";
  listed.jn_date_updated = 1'800'000'100;
  const auto older = db().jobs().upsert_batch(std::vector{listed});
  ASSERT_TRUE(older) << older.error().message;
  EXPECT_EQ(older->updated, 0);
  EXPECT_EQ(older->unchanged, 1);
  const auto kept = *db().jobs().find_by_jnid("job1");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->status_name, "Install Scheduled");
  EXPECT_EQ(kept->jn_date_updated, 1'800'000'500);

  // A newer copy, or one of the same second, is written as usual.
  listed.jn_date_updated = 1'800'000'500;
  const auto same_second = db().jobs().upsert_batch(std::vector{listed});
  ASSERT_TRUE(same_second);
  EXPECT_EQ(same_second->updated, 1);
  EXPECT_EQ((*db().jobs().find_by_jnid("job1"))->status_name, "Lead");
}

TEST_P(JobRepositoryTest, ReconcileNamesTheListedIdsTheMirrorLacks) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 4)));
  const std::vector<std::string> gone{"job2"};
  ASSERT_EQ(*db().jobs().mark_deleted(gone, 1'800'000'000), 1);
  // JobNimbus lists job1..job4 and job7, job6: job2 is held deleted, job6 and job7 are absent.
  const auto changes = db().jobs().reconcile_presence(
      listing({{"job1", "job2", "job7"}, {"job3", "job4", "job6"}}), 1'800'000'100);
  ASSERT_TRUE(changes) << changes.error().message;
  EXPECT_EQ(changes->deleted, 0);
  EXPECT_EQ(changes->undeleted, 1);
  EXPECT_EQ(changes->missing, (std::vector<std::string>{"job2", "job6", "job7"}));
  // Nothing missing the next time round but what is still absent.
  const auto again = db().jobs().reconcile_presence(
      listing({{"job1", "job2", "job3", "job4", "job6"}}), 1'800'000'200);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->missing, (std::vector<std::string>{"job6"}));
}

TEST_P(JobRepositoryTest, HostileTextIsBoundNeverSpliced) {
  auto job = make_job(1);
  job.name = "Robert'); DROP TABLE jobs; --";
  job.customer_name = R"(O'Brien "the roofer" \ $1 ? :name %s)";
  job.address_line1 = "100% _done_";
  job.raw_json = R"({"name":"it's \"quoted\" ?"})";
  const std::vector<domain::Job> batch{job, make_job(2)};
  ASSERT_TRUE(db().jobs().upsert_batch(batch));

  const auto stored = db().jobs().find_by_jnid("job1");
  ASSERT_TRUE(stored && stored->has_value());
  expect_same_content(**stored, job);
  EXPECT_EQ(db().jobs().list({})->total, 2);  // the table is still there

  const auto count = [&](const std::string& q) {
    domain::ListQuery query;
    query.q = q;
    return db().jobs().list(query)->total;
  };
  EXPECT_EQ(count("'); drop table"), 1);
  EXPECT_EQ(count("100%"), 1);  // % and _ are literal in q
  EXPECT_EQ(count("_done_"), 1);
  EXPECT_EQ(count("%"), 1);
  EXPECT_EQ(count("\\ $1 ?"), 1);
  const auto by_jnid = db().jobs().find_by_jnid("job1' OR '1'='1");
  ASSERT_TRUE(by_jnid);
  EXPECT_FALSE(by_jnid->has_value());
}

TEST_P(JobRepositoryTest, LargeBatchSpansSeveralStatements) {
  const auto jobs = make_jobs(1, 1234);
  const auto counts = db().jobs().upsert_batch(jobs);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->created, 1234);
  EXPECT_EQ(db().jobs().list({})->total, 1234);
  EXPECT_EQ(db().jobs().list_jnids(domain::Presence::active)->size(), 1234U);

  std::vector<std::string> jnids;
  for (int n = 1; n <= 1234; n += 2) jnids.push_back("job" + std::to_string(n));
  EXPECT_EQ(db().jobs().find_by_jnids(jnids)->size(), jnids.size());
  EXPECT_EQ(*db().jobs().mark_deleted(jnids, 1'800'000'000), static_cast<int64_t>(jnids.size()));
  EXPECT_EQ(*db().jobs().undelete(jnids), static_cast<int64_t>(jnids.size()));
}

TEST_P(JobRepositoryTest, RejectsARecordWithoutJnid) {
  auto job = make_job(1);
  job.jnid.clear();
  const std::vector<domain::Job> batch{make_job(2), job};
  const auto refused = db().jobs().upsert_batch(batch);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "validation");
  EXPECT_EQ(db().jobs().list({})->total, 0);
}

TEST_P(JobRepositoryTest, MarksFilesSynced) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 2)));
  const std::vector<std::string> synced{"job2"};
  ASSERT_TRUE(db().jobs().mark_files_synced(synced, 1'750'000'000));
  EXPECT_EQ((*db().jobs().find_by_jnid("job1"))->files_synced_at, 0);
  EXPECT_EQ((*db().jobs().find_by_jnid("job2"))->files_synced_at, 1'750'000'000);
}

TEST_P(JobRepositoryTest, ReconcilePresenceDiffsAStreamedListingInTheDatabase) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 2500)));
  const auto gone = job_ids(1, 2500, 100);  // deleted locally; 1201 of them is listed again
  ASSERT_EQ(*db().jobs().mark_deleted(gone, 1'800'000'000), 25);
  // JobNimbus lists everything except 7..2500 step 7, in chunks of up to 1000 that repeat ids
  // across chunks (a page boundary inside a crowded second), with job1201 back.
  std::vector<std::string> listed;
  for (int n = 1; n <= 2500; ++n) {
    if (n % 7 != 0 && (n % 100 != 1 || n == 1201)) listed.push_back("job" + std::to_string(n));
  }
  std::vector<std::vector<std::string>> chunks;
  for (size_t start = 0; start < listed.size(); start += 990) {
    const size_t end = std::min(listed.size(), start + 1000);
    chunks.emplace_back(listed.begin() + static_cast<std::ptrdiff_t>(start),
                        listed.begin() + static_cast<std::ptrdiff_t>(end));
  }
  chunks.emplace_back();  // a page that brought nothing new
  const auto changes = db().jobs().reconcile_presence(listing(chunks), 1'800'000'200);
  ASSERT_TRUE(changes) << changes.error().message;
  int vanished = 0;  // active and not listed
  for (int n = 7; n <= 2500; n += 7) vanished += n % 100 != 1 ? 1 : 0;
  EXPECT_EQ(changes->deleted, vanished);
  EXPECT_EQ(changes->undeleted, 1);
  EXPECT_EQ(*db().jobs().list_jnids(domain::Presence::active), [&] {
    std::sort(listed.begin(), listed.end());
    return listed;
  }());
  EXPECT_FALSE((*db().jobs().find_by_jnid("job1201"))->deleted_at.has_value());
  EXPECT_EQ((*db().jobs().find_by_jnid("job7"))->deleted_at, 1'800'000'200);
  EXPECT_EQ((*db().jobs().find_by_jnid("job101"))->deleted_at, 1'800'000'000);  // kept its time

  // Nothing changed since: a second run (on a pooled connection whose temporary table may
  // still exist) changes nothing.
  const auto again = db().jobs().reconcile_presence(listing(chunks), 1'800'000'300);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->deleted, 0);
  EXPECT_EQ(again->undeleted, 0);
}

TEST_P(JobRepositoryTest, AnIncompleteListingChangesNothing) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 30)));
  ASSERT_EQ(*db().jobs().mark_deleted(job_ids(21, 30), 1'800'000'000), 10);
  // The first chunk names only job1..job5 and job25: as a complete listing it would delete 15
  // and undelete one. The listing fails before its end.
  const auto failed =
      db().jobs().reconcile_presence(listing({job_ids(1, 5), {"job25"}}, 2), 1'800'000'100);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "incomplete");
  EXPECT_EQ(*db().jobs().count(domain::Presence::active), 20);
  EXPECT_TRUE((*db().jobs().find_by_jnid("job25"))->deleted_at.has_value());

  // The ids staged by the failed run do not leak into the next one.
  const auto complete =
      db().jobs().reconcile_presence(listing({job_ids(1, 10), job_ids(11, 20)}), 1'800'000'200);
  ASSERT_TRUE(complete) << complete.error().message;
  EXPECT_EQ(complete->deleted, 0);
  EXPECT_EQ(complete->undeleted, 0);
}

TEST_P(JobRepositoryTest, ReconcilePresenceInsideAUnitOfWork) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 4)));
  domain::PresenceChanges changes;
  const Status done = db().in_transaction([&](domain::Repositories& repositories) -> Status {
    auto reconciled =
        repositories.jobs().reconcile_presence(listing({{"job1", "job3"}}), 1'800'000'000);
    if (!reconciled) return fail(reconciled.error());
    changes = *reconciled;
    return {};
  });
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(changes.deleted, 2);
  EXPECT_EQ(*db().jobs().list_jnids(domain::Presence::active),
            (std::vector<std::string>{"job1", "job3"}));
}

TEST_P(JobRepositoryTest, MarksAllActiveJobsFilesSyncedAtOnce) {
  ASSERT_TRUE(db().jobs().upsert_batch(make_jobs(1, 1500)));
  ASSERT_EQ(*db().jobs().mark_deleted(job_ids(2, 2), 1'800'000'000), 1);
  ASSERT_TRUE(db().jobs().mark_all_files_synced(1'750'000'000));
  EXPECT_EQ((*db().jobs().find_by_jnid("job1"))->files_synced_at, 1'750'000'000);
  EXPECT_EQ((*db().jobs().find_by_jnid("job1500"))->files_synced_at, 1'750'000'000);
  EXPECT_EQ((*db().jobs().find_by_jnid("job2"))->files_synced_at, 0);  // deleted: left alone
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(JobRepositoryTest);

}  // namespace
}  // namespace gep::test

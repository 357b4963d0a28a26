// Contacts, files, activities and job-contact links: the same generic record code as jobs, plus
// each repository's own queries.
#include <optional>
#include <string>
#include <vector>

#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using RecordRepositoriesTest = StoreTest;

TEST_P(RecordRepositoriesTest, ContactsRoundTripSearchAndEmailLookup) {
  std::vector<domain::Contact> contacts;
  for (int n = 1; n <= 12; ++n) contacts.push_back(make_contact(n));
  const auto counts = db().contacts().upsert_batch(contacts);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->created, 12);

  const auto stored = db().contacts().find_by_jnid("con7");
  ASSERT_TRUE(stored && stored->has_value());
  const domain::Contact& contact = **stored;
  EXPECT_EQ(contact.display_name, "First7 Last7");
  EXPECT_EQ(contact.email, "Person7@Example.com");
  EXPECT_EQ(contact.mobile_phone, "801-556-1007");
  EXPECT_TRUE(contact.is_sub_contractor);
  EXPECT_EQ(contact.jn_date_updated, contacts[6].jn_date_updated);
  EXPECT_EQ(contact.raw_json, contacts[6].raw_json);

  domain::ListQuery query;
  query.q = "acme";
  EXPECT_EQ(db().contacts().list(query)->total, 6);
  query.q = "801-556-1011";
  EXPECT_EQ(db().contacts().list(query)->total, 1);

  const auto by_email = db().contacts().find_by_email("PERSON3@example.COM");
  ASSERT_TRUE(by_email) << by_email.error().message;
  ASSERT_EQ(by_email->size(), 1U);
  EXPECT_EQ(by_email->front().jnid, "con3");
}

TEST_P(RecordRepositoriesTest, FilesListForJobByKindOldestFirst) {
  std::vector<domain::File> files{make_file(3, "job1", domain::FileKind::photo),
                                  make_file(1, "job1", domain::FileKind::photo),
                                  make_file(2, "job1", domain::FileKind::document),
                                  make_file(4, "job2", domain::FileKind::photo)};
  files[0].is_private = true;
  ASSERT_TRUE(db().files().upsert_batch(files));

  const auto photos = db().files().list_for_job("job1", domain::FileKind::photo);
  ASSERT_TRUE(photos) << photos.error().message;
  ASSERT_EQ(photos->size(), 2U);
  EXPECT_EQ((*photos)[0].jnid, "file1");
  EXPECT_EQ((*photos)[1].jnid, "file3");
  EXPECT_TRUE((*photos)[1].is_private);
  EXPECT_EQ((*photos)[0].caption, "Before - north roof face 1");
  EXPECT_EQ((*photos)[0].size_bytes, 555205);
  EXPECT_EQ((*photos)[0].md5, "md5-1");
  EXPECT_EQ((*photos)[0].date_file_created, files[1].date_file_created);
  EXPECT_EQ((*photos)[0].kind, domain::FileKind::photo);

  EXPECT_EQ(db().files().list_for_job("job1")->size(), 3U);
  const std::vector<std::string> gone{"file1"};
  ASSERT_TRUE(db().files().mark_deleted(gone, 1'800'000'000));
  EXPECT_EQ(db().files().list_for_job("job1", domain::FileKind::photo)->size(), 1U);
}

TEST_P(RecordRepositoriesTest, ContactsAndFilesReconcilePresenceLikeJobs) {
  std::vector<domain::Contact> contacts;
  for (int n = 1; n <= 4; ++n) contacts.push_back(make_contact(n));
  ASSERT_TRUE(db().contacts().upsert_batch(contacts));
  const std::vector<domain::File> files{make_file(1, "job1", domain::FileKind::photo),
                                        make_file(2, "job1", domain::FileKind::document)};
  ASSERT_TRUE(db().files().upsert_batch(files));
  ASSERT_TRUE(db().files().mark_deleted(std::vector<std::string>{"file2"}, 1'800'000'000));

  // Two chunks, then the end of the listing.
  const auto chunks_of = [](std::vector<std::vector<std::string>> chunks) {
    return [chunks = std::move(chunks),
            next = size_t{0}]() mutable -> Result<std::optional<std::vector<std::string>>> {
      if (next == chunks.size()) return std::optional<std::vector<std::string>>{};
      return std::optional<std::vector<std::string>>{chunks[next++]};
    };
  };
  const auto contact_changes = db().contacts().reconcile_presence(
      chunks_of({{"con1", "con3"}, {"con4", "con1"}}), 1'800'000'100);
  ASSERT_TRUE(contact_changes) << contact_changes.error().message;
  EXPECT_EQ(contact_changes->deleted, 1);  // con2
  EXPECT_TRUE((*db().contacts().find_by_jnid("con2"))->deleted_at.has_value());

  const auto file_changes =
      db().files().reconcile_presence(chunks_of({{"file2"}, {}}), 1'800'000'100);
  ASSERT_TRUE(file_changes) << file_changes.error().message;
  EXPECT_EQ(file_changes->deleted, 1);    // file1
  EXPECT_EQ(file_changes->undeleted, 1);  // file2 is back
  EXPECT_EQ(*db().files().list_jnids(domain::Presence::active), std::vector<std::string>{"file2"});
}

TEST_P(RecordRepositoriesTest, ActivitiesAndStatusTimeline) {
  const std::vector<domain::Activity> activities{make_activity(2, "job1", true),
                                                 make_activity(1, "job1", false),
                                                 make_activity(3, "job2", true)};
  ASSERT_TRUE(db().activities().upsert_batch(activities));
  const auto all = db().activities().list_for_job("job1");
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].jnid, "act1");
  const auto changes = db().activities().status_changes_for_job("job1");
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 1U);
  EXPECT_EQ(changes->front().status_name, "In Progress");
  EXPECT_TRUE(changes->front().is_status_change);
}

TEST_P(RecordRepositoriesTest, JobContactLinksAreReplacedPerJob) {
  const std::vector<std::string> jobs{"job1", "job2"};
  const std::vector<domain::JobContact> links{{"job1", "con1", true},
                                              {"job1", "con2", false},
                                              {"job1", "con2", false},  // repeated: stored once
                                              {"job2", "con1", true}};
  ASSERT_TRUE(db().job_contacts().replace_for_jobs(jobs, links));
  const auto of_job = db().job_contacts().list_for_job("job1");
  ASSERT_TRUE(of_job) << of_job.error().message;
  ASSERT_EQ(of_job->size(), 2U);
  EXPECT_EQ(of_job->front().contact_jnid, "con1");
  EXPECT_TRUE(of_job->front().is_primary);
  EXPECT_EQ(db().job_contacts().list_for_contact("con1")->size(), 2U);

  const std::vector<std::string> job1{"job1"};
  const std::vector<domain::JobContact> replaced{{"job1", "con3", true}};
  ASSERT_TRUE(db().job_contacts().replace_for_jobs(job1, replaced));
  ASSERT_EQ(db().job_contacts().list_for_job("job1")->size(), 1U);
  EXPECT_EQ(db().job_contacts().list_for_contact("con1")->size(), 1U);  // job2's link kept

  // Links stored without clearing (a new job has none) overwrite one already there.
  const std::vector<domain::JobContact> again{{"job1", "con3", false}, {"job1", "con4", true}};
  ASSERT_TRUE(db().job_contacts().replace_for_jobs({}, again));
  const auto merged = db().job_contacts().list_for_job("job1");
  ASSERT_TRUE(merged) << merged.error().message;
  ASSERT_EQ(merged->size(), 2U);
  EXPECT_EQ(merged->front().contact_jnid, "con4");  // primary first
  EXPECT_FALSE(merged->back().is_primary);          // con3 was primary, now is not
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(RecordRepositoriesTest);

}  // namespace
}  // namespace gep::test

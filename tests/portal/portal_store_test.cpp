// Magic links, portal sessions, share overrides, the portal service and invitations over the
// real store, on SQLite and PostgreSQL, with a manual clock.
#include <atomic>
#include <thread>
#include <vector>

#include "core/digest.h"
#include "portal/access.h"
#include "portal/invitations.h"
#include "portal/portal_service.h"
#include "portal/tokens.h"
#include "store/repos/portal_access_repository.h"
#include "store/repos/portal_file_share_repository.h"
#include "store/store_fixture.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

using namespace std::chrono_literals;

class RecordingMailer final : public portal::Mailer {
 public:
  Status send(const portal::MailMessage& message) override {
    sent.push_back(message);
    return {};
  }
  std::vector<portal::MailMessage> sent;
};

class PortalStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    links_ = store::make_magic_link_repository(db());
    sessions_ = store::make_portal_session_repository(db());
    shares_ = store::make_file_share_repository(db());
    portal::AccessSettings settings;
    settings.link_ttl_seconds = 600;
    settings.session_idle_seconds = 600;
    settings.session_absolute_seconds = 3600;
    access_ = std::make_unique<portal::PortalAccess>(*links_, *sessions_, clock_, settings);
    service_ = std::make_unique<portal::PortalService>(db(), *shares_, portal::ViewSettings{});
  }

  // job1, job2 belong to con1; job3 to con2; job4 to nobody.
  void seed_jobs() {
    std::vector<domain::Job> jobs;
    for (int n = 1; n <= 4; ++n) jobs.push_back(make_job(n));
    ASSERT_TRUE(db().jobs().upsert_batch(jobs));
    std::vector<domain::Contact> contacts{make_contact(1), make_contact(2), make_contact(3)};
    contacts[2].email = "";
    ASSERT_TRUE(db().contacts().upsert_batch(contacts));
    const std::vector<std::string> job_jnids{"job1", "job2", "job3", "job4"};
    const std::vector<domain::JobContact> links{
        {"job1", "con1", true}, {"job2", "con1", false}, {"job3", "con2", true}};
    ASSERT_TRUE(db().job_contacts().replace_for_jobs(job_jnids, links));
  }

  int64_t count(const std::string& table) {
    auto lease = db().pool().acquire();
    return (*lease)->query("SELECT COUNT(*) FROM " + table)->front().integer(0);
  }

  std::unique_ptr<portal::MagicLinkRepository> links_;
  std::unique_ptr<portal::PortalSessionRepository> sessions_;
  std::unique_ptr<portal::FileShareRepository> shares_;
  std::unique_ptr<portal::PortalAccess> access_;
  std::unique_ptr<portal::PortalService> service_;
};

TEST_P(PortalStoreTest, ALinkSignsInOnceAndIsStoredOnlyAsItsHash) {
  const auto issued = access_->issue_link("con1", "person1@example.com", "test");
  ASSERT_TRUE(issued) << issued.error().message;
  EXPECT_EQ(issued->expires_at, to_unix_seconds(clock_.now()) + 600);
  {
    auto lease = db().pool().acquire();
    const auto rows = (*lease)->query("SELECT token_hash FROM portal_magic_links");
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ(rows->front().text(0), sha256_hex(issued->token));
  }
  const auto opened = access_->sign_in(issued->token);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->session.contact_jnid, "con1");
  EXPECT_EQ(opened->session.id, sha256_hex(opened->token));
  const auto again = access_->sign_in(issued->token);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, portal::kInvalidLink);
  const auto live = access_->session(opened->token, true);
  ASSERT_TRUE(live && live->has_value());
  EXPECT_EQ((*live)->contact_jnid, "con1");
}

TEST_P(PortalStoreTest, UnknownExpiredAndMalformedLinksGetTheSameRefusal) {
  const auto issued = access_->issue_link("con1", "", "test", 60);
  ASSERT_TRUE(issued);
  clock_.advance(60s);  // expires_at is exclusive
  const auto expired = access_->sign_in(issued->token);
  const auto unknown = access_->sign_in(portal::new_token());
  const auto malformed = access_->sign_in("not-a-token");
  for (const auto* refused : {&expired, &unknown, &malformed}) {
    ASSERT_FALSE(*refused);
    EXPECT_EQ(refused->error().code, portal::kInvalidLink);
    EXPECT_EQ(refused->error().message, expired.error().message);
  }
  const auto fresh = access_->issue_link("con1", "", "test", 60);
  clock_.advance(59s);
  EXPECT_TRUE(access_->sign_in(fresh->token));
  EXPECT_EQ(count("portal_sessions"), 1);
}

TEST_P(PortalStoreTest, ConcurrentRedemptionsOpenOneSession) {
  const auto issued = access_->issue_link("con1", "", "test");
  ASSERT_TRUE(issued);
  std::atomic<int> opened{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      const auto result = access_->sign_in(issued->token);
      if (result) {
        ++opened;
      } else if (result.error().code == portal::kInvalidLink) {
        ++refused;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(opened.load(), 1);
  EXPECT_EQ(refused.load(), 5);
}

TEST_P(PortalStoreTest, SessionsExpireWhenIdleAtTheAbsoluteLimitAndOnSignOut) {
  const auto idle = access_->sign_in(access_->issue_link("con1", "", "t")->token);
  ASSERT_TRUE(idle);
  clock_.advance(500s);
  EXPECT_TRUE(access_->session(idle->token, true)->has_value());  // extends to 500 + 600
  clock_.advance(500s);
  EXPECT_TRUE(access_->session(idle->token, false)->has_value());
  clock_.advance(100s);  // 1100: idle since 500
  EXPECT_FALSE(access_->session(idle->token, true)->has_value());

  const auto busy = access_->sign_in(access_->issue_link("con1", "", "t")->token);
  ASSERT_TRUE(busy);
  for (int i = 0; i < 7; ++i) {
    clock_.advance(500s);
    EXPECT_TRUE(access_->session(busy->token, true)->has_value()) << i;
  }
  clock_.advance(100s);  // 3600 after sign-in, however active
  EXPECT_FALSE(access_->session(busy->token, true)->has_value());

  const auto signed_out = access_->sign_in(access_->issue_link("con1", "", "t")->token);
  ASSERT_TRUE(signed_out);
  ASSERT_TRUE(access_->sign_out(signed_out->token));
  EXPECT_FALSE(access_->session(signed_out->token, true)->has_value());
  EXPECT_TRUE(access_->sign_out(signed_out->token));  // again: a no-op
  EXPECT_FALSE(access_->session(portal::new_token(), true)->has_value());
}

TEST_P(PortalStoreTest, ShareOverridesRoundTrip) {
  const std::vector<domain::File> files{make_file(1, "job1", domain::FileKind::photo),
                                        make_file(2, "job1", domain::FileKind::document),
                                        make_file(3, "job2", domain::FileKind::photo)};
  ASSERT_TRUE(db().files().upsert_batch(files));
  EXPECT_TRUE(*shares_->set_override("file1", true));
  EXPECT_TRUE(*shares_->set_override("file2", false));
  EXPECT_TRUE(*shares_->set_override("file3", true));
  EXPECT_FALSE(*shares_->set_override("no-such-file", true));
  auto overrides = shares_->overrides_for_job("job1");
  ASSERT_TRUE(overrides) << overrides.error().message;
  EXPECT_EQ(*overrides, (std::map<std::string, bool>{{"file1", true}, {"file2", false}}));
  ASSERT_TRUE(shares_->set_override("file1", std::nullopt));
  EXPECT_EQ(*shares_->overrides_for_job("job1"), (std::map<std::string, bool>{{"file2", false}}));
  // The sync rewrites the file; the staff decision stays.
  ASSERT_TRUE(db().files().upsert_batch(files));
  EXPECT_EQ(shares_->overrides_for_job("job1")->size(), 1U);
}

TEST_P(PortalStoreTest, ACustomerSeesOnlyTheirJobs) {
  seed_jobs();
  const auto mine = service_->jobs_for_contact("con1");
  ASSERT_TRUE(mine) << mine.error().message;
  ASSERT_EQ(mine->size(), 2U);
  EXPECT_EQ((*mine)[0].name, "Solar install 2");  // newest first
  EXPECT_EQ((*mine)[1].name, "Solar install 1");

  const auto job1 = db().jobs().find_by_jnid("job1");
  const std::string job1_id = std::to_string((*job1)->id);
  const auto by_id = service_->view_for_contact(job1_id, "con1");
  ASSERT_TRUE(by_id && by_id->has_value());
  EXPECT_EQ((*by_id)->job_id, (*job1)->id);
  EXPECT_TRUE(service_->view_for_contact("job1", "con1")->has_value());
  EXPECT_FALSE(service_->view_for_contact("job3", "con1")->has_value());
  EXPECT_FALSE(service_->view_for_contact("job4", "con1")->has_value());
  EXPECT_FALSE(service_->view_for_contact("no-such-job", "con1")->has_value());
  EXPECT_FALSE(service_->view_for_contact("job1", "")->has_value());
  EXPECT_TRUE(service_->view("job4")->has_value());  // the staff preview sees every job

  const std::vector<std::string> gone{"job2"};
  ASSERT_TRUE(db().jobs().mark_deleted(gone, 1'800'000'000));
  EXPECT_EQ(service_->jobs_for_contact("con1")->size(), 1U);
  EXPECT_FALSE(service_->view_for_contact("job2", "con1")->has_value());
  EXPECT_FALSE(service_->view("job2")->has_value());
}

TEST_P(PortalStoreTest, AViewReadsFilesStatusChangesAndOverrides) {
  seed_jobs();
  std::vector<domain::File> files{make_file(1, "job1", domain::FileKind::photo),
                                  make_file(2, "job1", domain::FileKind::photo)};
  files[0].caption = "After - finished array";
  files[1].caption = "Before - roof";
  ASSERT_TRUE(db().files().upsert_batch(files));
  ASSERT_TRUE(shares_->set_override("file2", true));
  const std::vector<domain::Activity> changes{make_activity(1, "job1", true)};
  ASSERT_TRUE(db().activities().upsert_batch(changes));
  const auto view = service_->view_for_contact("job1", "con1");
  ASSERT_TRUE(view && view->has_value());
  ASSERT_EQ((*view)->photos.size(), 2U);
  EXPECT_TRUE((*view)->timeline[4].at > 0);  // "In Progress" from the activity
  const auto file2 = db().files().find_by_jnid("file2");
  EXPECT_EQ(*service_->shared_file_jnid("job1", "con1", (*file2)->id), "file2");
  EXPECT_FALSE(service_->shared_file_jnid("job1", "con2", (*file2)->id)->has_value());
  EXPECT_FALSE(service_->shared_file_jnid("job1", "con1", 999999)->has_value());
}

TEST_P(PortalStoreTest, InvitationsMailASingleUseLinkToTheContact) {
  seed_jobs();
  RecordingMailer mailer;
  portal::InviteRequest request{"PERSON1@example.COM", std::nullopt, "test",
                                "https://portal.example", "portal@sunny.example"};
  const auto invitation = portal::invite(*service_, *access_, &mailer, request);
  ASSERT_TRUE(invitation) << invitation.error().message;
  EXPECT_TRUE(invitation->mailed);
  EXPECT_EQ(invitation->contact_jnid, "con1");
  ASSERT_EQ(mailer.sent.size(), 1U);
  EXPECT_EQ(mailer.sent[0].to, "Person1@Example.com");
  EXPECT_NE(mailer.sent[0].text_body.find(invitation->link), std::string::npos);
  EXPECT_NE(mailer.sent[0].text_body.find("10 minutes"), std::string::npos);
  const std::string prefix = "https://portal.example/portal/login?token=";
  ASSERT_EQ(invitation->link.rfind(prefix, 0), 0U);
  const std::string token = invitation->link.substr(prefix.size());
  EXPECT_TRUE(access_->sign_in(token));
  EXPECT_FALSE(access_->sign_in(token));

  request.contact_key = "con3";  // no e-mail address
  const auto no_email = portal::invite(*service_, *access_, &mailer, request);
  ASSERT_FALSE(no_email);
  EXPECT_EQ(no_email.error().code, "no_email");
  EXPECT_EQ(count("portal_magic_links"), 1);  // no link was made for it
  const auto printed = portal::invite(*service_, *access_, nullptr, request);
  ASSERT_TRUE(printed) << printed.error().message;
  EXPECT_FALSE(printed->mailed);
  request.contact_key = "nobody@example.com";
  EXPECT_EQ(portal::invite(*service_, *access_, &mailer, request).error().code, "not_found");
  request.contact_key = "con99";
  EXPECT_EQ(portal::invite(*service_, *access_, &mailer, request).error().code, "not_found");
}

TEST_P(PortalStoreTest, AnEmailSharedByTwoContactsIsAmbiguous) {
  seed_jobs();
  domain::Contact twin = make_contact(4);
  twin.email = "person1@example.com";
  ASSERT_TRUE(db().contacts().upsert_batch(std::vector<domain::Contact>{twin}));
  const auto found = service_->find_contact("Person1@Example.com");
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, "ambiguous");
  EXPECT_EQ(service_->find_contact("con4")->jnid, "con4");
}

GEP_INSTANTIATE_FOR_BOTH_BACKENDS(PortalStoreTest);

}  // namespace
}  // namespace gep::test

// The customer portal's pages (portal_jobs, portal_job) rendered by the real Application for a
// signed-in customer: their projects only, names escaped, shared photos as thumbnails and
// documents as downloads through gep's own file route, and another customer's job answering
// exactly like a missing one.
#include <gtest/gtest.h>

#include <regex>

#include "app/serving_app.h"
#include "portal/access.h"
#include "store/repos/portal_access_repository.h"
#include "store/test_records.h"

namespace gep::app {
namespace {

constexpr const char* kPortalPagesApiKey = "portal-pages-internal-key-0123456789";
constexpr const char* kHostileProjectName = "<script>alert(1)</script> \"Roof\" & Sons";

class PortalPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    serving_ = std::make_unique<test::ServingApp>(
        "portal-pages", kPortalPagesApiKey, "portal pages staff passphrase",
        [this](store::Database& database) { seed(database); });
    ASSERT_TRUE(serving_->started().ok()) << serving_->started().error().message;
    cookie_ = sign_in(link_token_);
    ASSERT_FALSE(cookie_.empty());
  }

  // con1 owns job1 (a hostile name, a shared photo, a private photo and a contract) and job2;
  // job3 is con2's.
  void seed(store::Database& database) {
    domain::Job hostile = test::make_job(1);
    hostile.name = kHostileProjectName;
    ASSERT_TRUE(database.jobs().upsert_batch(
        std::vector<domain::Job>{hostile, test::make_job(2), test::make_job(3)}));
    ASSERT_TRUE(database.contacts().upsert_batch(
        std::vector<domain::Contact>{test::make_contact(1), test::make_contact(2)}));
    const std::vector<std::string> jnids{"job1", "job2", "job3"};
    const std::vector<domain::JobContact> owners{
        {"job1", "con1", true}, {"job2", "con1", false}, {"job3", "con2", true}};
    ASSERT_TRUE(database.job_contacts().replace_for_jobs(jnids, owners));
    domain::File shared = test::make_file(1, "job1", domain::FileKind::photo);
    shared.caption = "After - array & <panels>";
    domain::File hidden = test::make_file(2, "job1", domain::FileKind::photo);
    hidden.caption = "After - private";
    hidden.is_private = true;
    domain::File contract = test::make_file(3, "job1", domain::FileKind::document);
    contract.filename = "signed-contract.pdf";
    contract.caption = "Signed contract";
    ASSERT_TRUE(database.files().upsert_batch(std::vector<domain::File>{shared, hidden, contract}));
    job1_ = (*database.jobs().find_by_jnid("job1"))->id;
    job3_ = (*database.jobs().find_by_jnid("job3"))->id;
    shared_photo_ = (*database.files().find_by_jnid("file1"))->id;
    hidden_photo_ = (*database.files().find_by_jnid("file2"))->id;
    contract_ = (*database.files().find_by_jnid("file3"))->id;
    const auto links = store::make_magic_link_repository(database);
    const auto sessions = store::make_portal_session_repository(database);
    SystemClock clock;
    portal::PortalAccess access(*links, *sessions, clock, portal::AccessSettings{});
    const auto issued = access.issue_link("con1", "", "test");
    ASSERT_TRUE(issued) << issued.error().message;
    link_token_ = issued->token;
  }

  std::string sign_in(const std::string& token) const {
    const auto answer = serving_->client().Post("/api/v1/portal/session", {}, "token=" + token,
                                                "application/x-www-form-urlencoded");
    if (!answer || answer->status != 303) return {};
    const std::string set_cookie = answer->get_header_value("Set-Cookie");
    return set_cookie.substr(0, set_cookie.find(';'));
  }

  gep::testing::HttpResult page(const std::string& path) const {
    return serving_->client().Get(path, gep::testing::HttpHeaders{{"Cookie", cookie_}});
  }

  std::unique_ptr<test::ServingApp> serving_;
  std::string link_token_;
  std::string cookie_;
  int64_t job1_ = 0;
  int64_t job3_ = 0;
  int64_t shared_photo_ = 0;
  int64_t hidden_photo_ = 0;
  int64_t contract_ = 0;
};

TEST_F(PortalPagesTest, TheProjectListShowsTheCustomersJobsOnlyWithNamesAsText) {
  const auto list = page("/portal/");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(list->body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(list->body.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Roof&quot; &amp; Sons"),
            std::string::npos);
  EXPECT_NE(list->body.find("href=\"/portal/jobs/" + std::to_string(job1_) + "\""),
            std::string::npos);
  EXPECT_EQ(list->body.find("/portal/jobs/" + std::to_string(job3_) + "\""), std::string::npos);
  const std::regex project_link("href=\"/portal/jobs/[0-9]+\"");
  const auto links =
      std::distance(std::sregex_iterator(list->body.begin(), list->body.end(), project_link),
                    std::sregex_iterator());
  EXPECT_EQ(links, 2);
}

TEST_F(PortalPagesTest, AJobPageShowsSharedPhotosAsThumbnailsAndDocumentsAsDownloads) {
  const auto job = page("/portal/jobs/" + std::to_string(job1_));
  ASSERT_TRUE(job);
  ASSERT_EQ(job->status, 200) << job->body;
  const std::string files = "/api/v1/portal/jobs/" + std::to_string(job1_) + "/files/";
  EXPECT_NE(job->body.find("<img src=\"" + files + std::to_string(shared_photo_) + "?w=320\""),
            std::string::npos)
      << job->body;
  EXPECT_NE(job->body.find("After - array &amp; &lt;panels&gt;"), std::string::npos);
  EXPECT_EQ(job->body.find(files + std::to_string(hidden_photo_)), std::string::npos)
      << "a private photo is never offered";
  EXPECT_NE(job->body.find("<a href=\"" + files + std::to_string(contract_) + "\" download>"),
            std::string::npos);
  EXPECT_EQ(job->body.find("jobnimbus.com"), std::string::npos) << "no JobNimbus link";
  EXPECT_EQ(job->body.find("<script>alert(1)"), std::string::npos);
}

TEST_F(PortalPagesTest, AnotherCustomersJobIsTheSamePageAsAMissingOne) {
  const auto theirs = page("/portal/jobs/" + std::to_string(job3_));
  const auto missing = page("/portal/jobs/987654");
  ASSERT_TRUE(theirs);
  ASSERT_TRUE(missing);
  EXPECT_EQ(theirs->status, 404);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(theirs->body, missing->body);
  EXPECT_EQ(page("/portal/jobs/job3")->body, missing->body);
}

TEST_F(PortalPagesTest, AUsedLinkCannotSignInAgain) {
  const auto reused = serving_->client().Post("/api/v1/portal/session", {}, "token=" + link_token_,
                                              "application/x-www-form-urlencoded");
  ASSERT_TRUE(reused);
  EXPECT_EQ(reused->status, 303);
  EXPECT_EQ(reused->get_header_value("Location"), "/portal/link-expired");
  EXPECT_TRUE(reused->get_header_value("Set-Cookie").empty());
}

}  // namespace
}  // namespace gep::app

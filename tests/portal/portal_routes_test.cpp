// The portal routes over a real HTTP server and SQLite store: sign-in by link (GET never redeems),
// the cookie, ownership (another customer's job answers like a missing one), sign-out, and the
// internal preview.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "http/portal_routes.h"
#include "http/server.h"
#include "media/fake_ports.h"
#include "media/temp_dir.h"
#include "net/http_client.h"
#include "portal/tokens.h"
#include "store/repos/portal_access_repository.h"
#include "store/repos/portal_file_share_repository.h"
#include "store/test_database.h"
#include "store/test_records.h"

namespace gep::test {
namespace {

constexpr const char* kInternalKey = "portal-routes-internal-key";

class PortalRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = TestDatabase::create(Backend::sqlite);
    ASSERT_TRUE(created) << created.error().message;
    test_database_ = std::move(created).value();
    auto opened = test_database_->open(&clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    db_ = std::move(opened).value();
    ASSERT_TRUE(db_->migrate());
    seed();
    links_ = store::make_magic_link_repository(*db_);
    sessions_ = store::make_portal_session_repository(*db_);
    shares_ = store::make_file_share_repository(*db_);
    access_ = std::make_unique<portal::PortalAccess>(*links_, *sessions_, clock_,
                                                     portal::AccessSettings{});
    service_ = std::make_unique<portal::PortalService>(*db_, *shares_, portal::ViewSettings{});
    server_ = std::make_unique<http::HttpServer>(http::ServerOptions{},
                                                 http::internal_api_key_guard(kInternalKey));
    http::PortalRoutes routes;
    routes.service = service_.get();
    routes.access = access_.get();
    routes.company_name = "Sunny <Solar>";
    files_->files["file1"] = "%PDF-1.4 the shared photo's bytes";
    media_ = std::make_unique<media::MediaService>(
        files_, std::make_shared<gep::testing::FakeResizer>(),
        std::make_shared<media::DiskCache>(cache_.path, 1024 * 1024));
    routes.media = media_.get();
    http::add_portal_routes(server_->router(), routes);
    server_->router().set_customer_guard(http::portal_customer_guard(*access_));
    const auto port = server_->bind();
    ASSERT_TRUE(port);
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<gep::testing::HttpClient>("127.0.0.1", *port);
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  void seed() {
    std::vector<domain::Job> jobs{make_job(1), make_job(2), make_job(3)};
    ASSERT_TRUE(db_->jobs().upsert_batch(jobs));
    ASSERT_TRUE(db_->contacts().upsert_batch(
        std::vector<domain::Contact>{make_contact(1), make_contact(2)}));
    const std::vector<std::string> job_jnids{"job1", "job2", "job3"};
    const std::vector<domain::JobContact> links{
        {"job1", "con1", true}, {"job2", "con1", false}, {"job3", "con2", true}};
    ASSERT_TRUE(db_->job_contacts().replace_for_jobs(job_jnids, links));
    domain::File photo = make_file(1, "job1", domain::FileKind::photo);
    photo.caption = "After - array";
    domain::File hidden = make_file(2, "job1", domain::FileKind::photo);
    hidden.caption = "After - array";
    hidden.is_private = true;
    ASSERT_TRUE(db_->files().upsert_batch(std::vector<domain::File>{photo, hidden}));
  }

  std::string link_token(const std::string& contact) {
    return access_->issue_link(contact, "", "test")->token;
  }

  // Signs in through the API and answers the cookie header to send back.
  std::string sign_in(const std::string& token) {
    const auto answer = client_->Post("/api/v1/portal/session",
                                      nlohmann::json{{"token", token}}.dump(), "application/json");
    EXPECT_TRUE(answer);
    EXPECT_EQ(answer->status, 200) << answer->body;
    const std::string set_cookie = answer->get_header_value("Set-Cookie");
    return set_cookie.substr(0, set_cookie.find(';'));
  }

  gep::testing::HttpResult get(const std::string& path, const std::string& cookie) {
    return client_->Get(path.c_str(), gep::testing::HttpHeaders{{"Cookie", cookie}});
  }

  int64_t id_of(const std::string& jnid) { return (*db_->jobs().find_by_jnid(jnid))->id; }

  ManualClock clock_;
  std::unique_ptr<TestDatabase> test_database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<portal::MagicLinkRepository> links_;
  std::unique_ptr<portal::PortalSessionRepository> sessions_;
  std::unique_ptr<portal::FileShareRepository> shares_;
  std::unique_ptr<portal::PortalAccess> access_;
  std::unique_ptr<portal::PortalService> service_;
  gep::testing::TempDir cache_;
  std::shared_ptr<gep::testing::FakeFileSource> files_ =
      std::make_shared<gep::testing::FakeFileSource>();
  std::unique_ptr<media::MediaService> media_;
  std::unique_ptr<http::HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<gep::testing::HttpClient> client_;
};

TEST_F(PortalRoutesTest, TheLoginPageNeverRedeemsTheLink) {
  const std::string token = link_token("con1");
  for (int i = 0; i < 3; ++i) {
    const auto page = client_->Get(("/portal/login?token=" + token).c_str());
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
    EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
    EXPECT_NE(page->body.find("value=\"" + token + "\""), std::string::npos);
    EXPECT_NE(page->body.find("Sunny &lt;Solar&gt;"), std::string::npos);
  }
  EXPECT_FALSE(sign_in(token).empty());
}

TEST_F(PortalRoutesTest, ASessionSeesItsOwnJobsOnly) {
  const auto answer =
      client_->Post("/api/v1/portal/session", nlohmann::json{{"token", link_token("con1")}}.dump(),
                    "application/json");
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  const std::string set_cookie = answer->get_header_value("Set-Cookie");
  EXPECT_EQ(set_cookie.rfind("gep_portal=", 0), 0U);
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("; SameSite=Lax"), std::string::npos);
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos);  // plain http here
  const auto body = nlohmann::json::parse(answer->body);
  EXPECT_EQ(body["contact"]["displayName"], "First1 Last1");
  EXPECT_EQ(body["jobs"].size(), 2U);
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));

  const auto jobs = get("/api/v1/portal/jobs", cookie);
  ASSERT_EQ(jobs->status, 200);
  EXPECT_EQ(nlohmann::json::parse(jobs->body)["jobs"].size(), 2U);

  const auto mine = get("/api/v1/portal/jobs/" + std::to_string(id_of("job1")), cookie);
  ASSERT_EQ(mine->status, 200) << mine->body;
  const auto view = nlohmann::json::parse(mine->body);
  EXPECT_EQ(view["stage"]["label"], "Contract signed");
  ASSERT_EQ(view["photos"].size(), 1U);  // the private one is not shared
  EXPECT_EQ(get("/api/v1/portal/jobs/job2", cookie)->status, 200);

  const auto theirs = get("/api/v1/portal/jobs/" + std::to_string(id_of("job3")), cookie);
  const auto missing = get("/api/v1/portal/jobs/987654", cookie);
  EXPECT_EQ(theirs->status, 404);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(theirs->body, missing->body);
  EXPECT_EQ(get("/api/v1/portal/jobs/job3", cookie)->body, missing->body);

  // Shared files come through gep: the bytes, never a redirect to JobNimbus's signed URL.
  const std::string photo_path = view["photos"][0]["downloadPath"];
  const auto download = get(photo_path, cookie);
  ASSERT_EQ(download->status, 200);
  EXPECT_EQ(download->body, "%PDF-1.4 the shared photo's bytes");
  EXPECT_FALSE(download->has_header("Location"));
  EXPECT_EQ(download->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(download->get_header_value("Content-Disposition"), "attachment");
  EXPECT_EQ(download->get_header_value("X-Content-Type-Options"), "nosniff");
  const auto thumbnail = get(photo_path + "?w=160", cookie);
  ASSERT_EQ(thumbnail->status, 200);
  EXPECT_EQ(thumbnail->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_TRUE(thumbnail->body.starts_with("\xFF\xD8\xFF thumb 160"));
  EXPECT_EQ(get(photo_path + "?w=1000", cookie)->status, 400);
  EXPECT_EQ(files_->calls, 1);  // fetched once, then from the cache
  // Another customer's session cannot fetch it.
  EXPECT_EQ(get(photo_path, sign_in(link_token("con2")))->status, 404);
  EXPECT_EQ(get(photo_path, "")->status, 401);
  const int64_t hidden = (*db_->files().find_by_jnid("file2"))->id;
  EXPECT_EQ(get("/api/v1/portal/jobs/job1/files/" + std::to_string(hidden), cookie)->status, 404);
}

TEST_F(PortalRoutesTest, UsedAndUnknownLinksAnswerTheSame401) {
  const std::string token = link_token("con2");
  EXPECT_FALSE(sign_in(token).empty());
  const auto reused = client_->Post("/api/v1/portal/session",
                                    nlohmann::json{{"token", token}}.dump(), "application/json");
  const auto unknown =
      client_->Post("/api/v1/portal/session", nlohmann::json{{"token", portal::new_token()}}.dump(),
                    "application/json");
  const auto empty = client_->Post("/api/v1/portal/session", "{}", "application/json");
  for (const auto* answer : {&reused, &unknown, &empty}) {
    ASSERT_TRUE(*answer);
    EXPECT_EQ((*answer)->status, 401);
    EXPECT_EQ((*answer)->body, reused->body);
    EXPECT_TRUE((*answer)->get_header_value("Set-Cookie").empty());
  }
  EXPECT_EQ(nlohmann::json::parse(reused->body)["error"]["code"], "invalid_link");
}

TEST_F(PortalRoutesTest, TheLoginFormSignsInAndRedirects) {
  const auto answer = client_->Post("/api/v1/portal/session", "token=" + link_token("con1"),
                                    "application/x-www-form-urlencoded");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 303);
  EXPECT_EQ(answer->get_header_value("Location"), "/portal/");
  const std::string set_cookie = answer->get_header_value("Set-Cookie");
  EXPECT_EQ(get("/api/v1/portal/jobs", set_cookie.substr(0, set_cookie.find(';')))->status, 200);
}

TEST_F(PortalRoutesTest, AnotherSiteCannotSignAVisitorIn) {
  const std::string token = link_token("con1");
  const auto forged = client_->Post("/api/v1/portal/session",
                                    gep::testing::HttpHeaders{{"Sec-Fetch-Site", "cross-site"}},
                                    "token=" + token, "application/x-www-form-urlencoded");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  EXPECT_FALSE(forged->has_header("Set-Cookie"));
  EXPECT_FALSE(sign_in(token).empty());  // the refused request did not use the link
}

// The magic-link page sends Referrer-Policy: no-referrer, so a browser's form POST from it says
// "Origin: null" beside "Sec-Fetch-Site: same-origin" (Chromium does).
TEST_F(PortalRoutesTest, TheLinksOwnPageSignsInDespiteANullOrigin) {
  const auto answer = client_->Post(
      "/api/v1/portal/session",
      gep::testing::HttpHeaders{{"Sec-Fetch-Site", "same-origin"}, {"Origin", "null"}},
      "token=" + link_token("con1"), "application/x-www-form-urlencoded");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 303);
  EXPECT_EQ(answer->get_header_value("Location"), "/portal/");
}

TEST_F(PortalRoutesTest, SignOutEndsTheSessionAndNoCookieIsRefused) {
  const std::string cookie = sign_in(link_token("con1"));
  EXPECT_EQ(get("/api/v1/portal/jobs", cookie)->status, 200);
  const auto out = client_->Post("/api/v1/portal/logout",
                                 gep::testing::HttpHeaders{{"Cookie", cookie}}, "", "text/plain");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(get("/api/v1/portal/jobs", cookie)->status, 401);
  EXPECT_EQ(get("/api/v1/portal/jobs/job1", cookie)->status, 401);
  EXPECT_EQ(client_->Get("/api/v1/portal/jobs")->status, 401);
  EXPECT_EQ(get("/api/v1/portal/jobs", "gep_portal=" + portal::new_token())->status, 401);
}

TEST_F(PortalRoutesTest, TheInternalPreviewNeedsTheKeyAndSeesAnyJob) {
  EXPECT_EQ(client_->Get("/api/v1/portal/internal/jobs/job3")->status, 401);
  const gep::testing::HttpHeaders key{{"x-internal-api-key", kInternalKey}};
  const auto preview = client_->Get("/api/v1/portal/internal/jobs/job3", key);
  ASSERT_EQ(preview->status, 200) << preview->body;
  EXPECT_EQ(nlohmann::json::parse(preview->body)["number"], "1003");
  EXPECT_EQ(client_->Get("/api/v1/portal/internal/jobs/nope", key)->status, 404);
  // A customer cookie opens no internal route.
  const std::string cookie = sign_in(link_token("con2"));
  EXPECT_EQ(get("/api/v1/portal/internal/jobs/job3", cookie)->status, 401);
}

}  // namespace
}  // namespace gep::test

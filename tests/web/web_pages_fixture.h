#pragma once
// The fixture of the page tests: the real Application on SQLite with 60 mirrored jobs (one with
// a hostile name), evaluated, and a browser's session: sign-in, its cookie and CSRF token.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>

#include "app/serving_app.h"
#include "store/database.h"
#include "store/test_records.h"

namespace gep::app {

constexpr const char* kApiKey = "web-pages-internal-key-0123456789";
constexpr const char* kPassword = "web pages staff passphrase";
constexpr const char* kHostileName = "<script>alert(1)</script> & \"Quoted\" 'job'";
constexpr int kJobs = 60;

using gep::testing::HttpHeaders;
using gep::testing::HttpResult;

// What a browser keeps between requests: the session cookie and the page's CSRF token.
struct Browser {
  std::string cookie;
  std::string csrf;
};

inline std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += name + "=";
    for (const char c : value) {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
        body += c;
      } else {
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
        body += escaped;
      }
    }
  }
  return body;
}

// The value of the first <input name="csrf" value="..."> of a page.
inline std::string csrf_field(const std::string& html) {
  std::smatch match;
  static const std::regex field(R"re(name="csrf" value="([0-9a-f]+)")re");
  return std::regex_search(html, match, field) ? match[1].str() : std::string();
}

inline std::string cookie_pair(const std::string& set_cookie) {
  return set_cookie.substr(0, set_cookie.find(';'));
}

class WebPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    serving_ = std::make_unique<test::ServingApp>(
        "web-pages", kApiKey, kPassword, [this](store::Database& database) { seed(database); },
        environment());
    ASSERT_TRUE(serving_->started().ok()) << serving_->started().error().message;
    for (const char* evaluation : {"/api/v1/qc/evaluate-all", "/api/v1/risk/evaluate-all"}) {
      const auto evaluated =
          client().Post(evaluation, {{"x-internal-api-key", kApiKey}}, "{}", "application/json");
      ASSERT_TRUE(evaluated && evaluated->status == 200) << evaluation;
    }
  }

  // What a test adds to the serving environment (a JobNimbus to talk to, say).
  virtual EnvMap environment() const { return {}; }
  virtual void seed(store::Database& database) { seed_mirror(database); }

  // 60 jobs, one with a hostile name; job 1 (Sold: BEFORE photos required) has two synced
  // photos, one a duplicate of the other.
  static void seed_mirror(store::Database& database) {
    std::vector<domain::Job> jobs;
    for (int n = 1; n <= kJobs; ++n) jobs.push_back(test::make_job(n));
    jobs[2].name = kHostileName;
    ASSERT_TRUE(database.jobs().upsert_batch(jobs));
    std::vector<domain::File> photos = {test::make_file(1, "job1", domain::FileKind::photo),
                                        test::make_file(2, "job1", domain::FileKind::photo)};
    photos[1].md5 = photos[0].md5;
    ASSERT_TRUE(database.files().upsert_batch(photos));
    ASSERT_TRUE(database.jobs().mark_files_synced(std::vector<std::string>{"job1"},
                                                  to_unix_seconds(SystemClock().now())));
  }

  Application& app() { return serving_->app(); }
  gep::testing::HttpClient client() const { return serving_->client(); }

  // The path and query of a new embed link for `job` and `panel_type`; "" when refused.
  std::string link_path(const std::string& job, const std::string& panel_type) const {
    const nlohmann::json body = {{"jobId", job}, {"panelType", panel_type}};
    const auto created = client().Post("/api/v1/embed/links", {{"x-internal-api-key", kApiKey}},
                                       body.dump(), "application/json");
    if (!created || created->status != 200) return "";
    const std::string url = nlohmann::json::parse(created->body).at("url");
    const size_t path = url.find("/embed/");
    return path == std::string::npos ? "" : url.substr(path);
  }

  HttpResult get(const std::string& path, const Browser& browser = {}) const {
    HttpHeaders headers;
    if (!browser.cookie.empty()) headers.emplace_back("Cookie", browser.cookie);
    return client().Get(path, headers);
  }

  HttpResult post_form(const std::string& path, const std::string& body,
                       const std::string& cookie) const {
    HttpHeaders headers;
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return client().Post(path, headers, body, "application/x-www-form-urlencoded");
  }

  // GET /login, then POST it as a browser would: the form's token with its cookie.
  HttpResult submit_login(const std::string& password, const std::string& next) const {
    const auto page = get("/login");
    EXPECT_TRUE(page && page->status == 200);
    if (!page) return page;
    const std::string login_cookie = cookie_pair(page->get_header_value("Set-Cookie"));
    return post_form("/login",
                     form({{"csrf", csrf_field(page->body)},
                           {"next", next},
                           {"username", "staffer"},
                           {"password", password}}),
                     login_cookie);
  }

  Browser sign_in() const {
    const auto answer = submit_login(kPassword, "/");
    EXPECT_TRUE(answer && answer->status == 303);
    if (!answer || answer->status != 303) return {};
    Browser browser{cookie_pair(answer->get_header_value("Set-Cookie")), ""};
    const auto overview = get("/", browser);
    EXPECT_TRUE(overview && overview->status == 200);
    if (overview) browser.csrf = csrf_field(overview->body);
    return browser;
  }

  std::unique_ptr<test::ServingApp> serving_;
};

}  // namespace gep::app

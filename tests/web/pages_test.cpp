// The dashboard's pages over HTTP in the real Application (SQLite in a temp dir): what a browser
// without a session gets, sign-in and its CSRF, escaping of a hostile job name, the risk table's
// order and keyset pages, the detail page, the overview's figures, static files and error pages.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "web_pages_fixture.h"

namespace gep::app {
namespace {

std::vector<std::string> job_names_in(const std::string& html) {
  std::vector<std::string> names;
  static const std::regex cell(R"re(<td><a href="/risk/\d+">([^<]*)</a></td>\s*<td>(?!<a))re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator();
       ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

TEST_F(WebPagesTest, EveryStaffPageWithoutASessionRedirectsToSignInWithItsAddress) {
  const auto risk = get("/risk?level=HIGH");
  ASSERT_TRUE(risk);
  EXPECT_EQ(risk->status, 303);
  EXPECT_EQ(risk->get_header_value("Location"), "/login?next=%2Frisk%3Flevel%3DHIGH");
  size_t checked = 0;
  for (const auto& route : app().routes()) {
    if (route.access != http::Access::staff_page) continue;
    const std::string path = std::regex_replace(route.pattern, std::regex(":[A-Za-z_]+"), "1");
    const auto answer = route.method == "GET" ? get(path) : post_form(path, "", "");
    ASSERT_TRUE(answer) << route.pattern;
    EXPECT_EQ(answer->status, 303) << route.method << " " << route.pattern;
    EXPECT_TRUE(answer->get_header_value("Location").starts_with("/login")) << route.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 4U);
}

TEST_F(WebPagesTest, SignInReturnsToTheLocalPageItCameFromAndNeverElsewhere) {
  const auto local = submit_login(kPassword, "/risk?level=HIGH");
  ASSERT_TRUE(local);
  EXPECT_EQ(local->status, 303);
  EXPECT_EQ(local->get_header_value("Location"), "/risk?level=HIGH");
  EXPECT_NE(local->get_header_value("Set-Cookie").find("HttpOnly"), std::string::npos);
  const auto elsewhere = submit_login(kPassword, "//evil.example/");
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->get_header_value("Location"), "/");
}

TEST_F(WebPagesTest, ASignInFormWithoutItsCookieTokenIsRefused) {
  const auto page = get("/login");
  ASSERT_TRUE(page);
  const auto forged = post_form(
      "/login",
      form({{"csrf", csrf_field(page->body)}, {"username", "staffer"}, {"password", kPassword}}),
      "");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  EXPECT_EQ(forged->get_header_value("Set-Cookie").find("gep_session="), std::string::npos);
}

TEST_F(WebPagesTest, AWrongPasswordIsSaidOnTheForm) {
  const auto answer = submit_login("not the password", "/");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 401);
  EXPECT_NE(answer->body.find("Wrong username or password."), std::string::npos);
  EXPECT_NE(answer->body.find("value=\"staffer\""), std::string::npos) << "the name is kept";
}

TEST_F(WebPagesTest, TheRiskTableEscapesAHostileNameAndSortsByName) {
  const Browser browser = sign_in();
  const auto page = get("/risk?sort=jobName", browser);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->body.find("<script>alert"), std::string::npos);
  EXPECT_NE(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Quoted&quot; "
                            "&apos;job&apos;"),
            std::string::npos);
  const auto names = job_names_in(page->body);
  ASSERT_EQ(names.size(), 50U);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end())) << names.front() << " " << names.back();
  EXPECT_NE(page->body.find(
                "aria-sort=\"ascending\"><a href=\"/risk?sort=-jobName\" data-sort-link>Name"),
            std::string::npos);
  // Only the sorted header says how it is sorted; every other sortable one is a link.
  const std::string& body = page->body;
  EXPECT_EQ(body.find("aria-sort="), body.rfind("aria-sort="));
  for (const char* sort : {"customer", "status", "-daysInStatus", "-riskLevel", "-evaluatedAt"}) {
    EXPECT_NE(page->body.find(std::string("href=\"/risk?sort=") + sort + "\" data-sort-link>"),
              std::string::npos)
        << sort;
  }
}

TEST_F(WebPagesTest, TheRiskTableFiltersByStatusAndTextAndSortsByCustomer) {
  const Browser browser = sign_in();
  const auto page = get("/risk?status=Sold&q=customer%201&sort=customer", browser);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  // Customer 1, 5, 9, 13, ... are Sold (make_job); of those, "customer 1" finds 1, 13, 17, ...
  static const std::regex row(R"re(<td>(Customer \d+)</td>\s*<td>([^<]*)</td>)re");
  std::vector<std::string> customers;
  for (auto it = std::sregex_iterator(page->body.begin(), page->body.end(), row);
       it != std::sregex_iterator(); ++it) {
    EXPECT_EQ((*it)[2].str(), "Sold");
    EXPECT_EQ((*it)[1].str().rfind("Customer 1", 0), 0U) << (*it)[1].str();
    customers.push_back((*it)[1].str());
  }
  EXPECT_FALSE(customers.empty());
  EXPECT_TRUE(std::is_sorted(customers.begin(), customers.end()));
  EXPECT_NE(page->body.find("value=\"Sold\""), std::string::npos) << "the filter stays in the form";
  EXPECT_NE(page->body.find("value=\"customer 1\""), std::string::npos);
  const auto refused = get("/risk?sort=address", browser);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("daysInStatus"), std::string::npos) << "says which sorts exist";
}

TEST_F(WebPagesTest, TheNextPageLinksVisitEveryJobOnce) {
  const Browser browser = sign_in();
  std::set<std::string> seen;
  std::string path = "/risk?sort=-jobNumber";
  int pages = 0;
  while (!path.empty() && pages < 5) {
    const auto page = get(path, browser);
    ASSERT_TRUE(page && page->status == 200) << path;
    for (const auto& name : job_names_in(page->body)) EXPECT_TRUE(seen.insert(name).second) << name;
    std::smatch next;
    static const std::regex link(R"re(<a href="([^"]+)" rel="next">)re");
    path = std::regex_search(page->body, next, link) ? next[1].str() : "";
    for (size_t at = path.find("&amp;"); at != std::string::npos; at = path.find("&amp;", at)) {
      path.replace(at, 5, "&");
    }
    ++pages;
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen.size(), static_cast<size_t>(kJobs));
}

TEST_F(WebPagesTest, TheDetailPageLinksToJobNimbusInANewTab) {
  const Browser browser = sign_in();
  const auto page = get("/risk/1", browser);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<a href=\"https://app.jobnimbus.com/job/job1\" target=\"_blank\" "
                            "rel=\"noopener noreferrer\">"),
            std::string::npos);
  EXPECT_NE(page->body.find("No recent activity"), std::string::npos);
  const auto missing = get("/risk/999999", browser);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->get_header_value("Content-Type").find("text/html"), std::string::npos);
}

TEST_F(WebPagesTest, FormsNeedTheSessionsToken) {
  const Browser browser = sign_in();
  ASSERT_FALSE(browser.csrf.empty());
  const auto forged = post_form("/risk/1/evaluate", "", browser.cookie);
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  const auto sent = post_form("/risk/1/evaluate", form({{"csrf", browser.csrf}}), browser.cookie);
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->status, 303);
  EXPECT_EQ(sent->get_header_value("Location"), "/risk/1");
  const auto logout = post_form("/logout", form({{"csrf", browser.csrf}}), browser.cookie);
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 303);
  const auto after = get("/", browser);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 303) << "the session ended";
}

TEST_F(WebPagesTest, TwoSessionsNeverShareACachedPage) {
  const Browser first = sign_in();
  const Browser second = sign_in();
  ASSERT_NE(first.csrf, second.csrf);
  for (int round = 0; round < 2; ++round) {
    const auto one = get("/risk", first);
    const auto two = get("/risk", second);
    ASSERT_TRUE(one && two);
    EXPECT_EQ(csrf_field(one->body), first.csrf);
    EXPECT_EQ(csrf_field(two->body), second.csrf);
  }
}

TEST_F(WebPagesTest, TheOverviewShowsTheSameCountsAsTheApi) {
  const Browser browser = sign_in();
  const auto page = get("/", browser);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find(std::to_string(kJobs) + " active jobs"), std::string::npos);
  for (const char* level : {"HIGH", "MEDIUM", "LOW"}) {
    const auto api = client().Get(std::string("/api/v1/risk/jobs?limit=1&level=") + level,
                                  {{"x-internal-api-key", kApiKey}});
    ASSERT_TRUE(api && api->status == 200);
    const std::string label = std::string(1, level[0]) + (level[1] == 'I'   ? "igh"
                                                          : level[1] == 'E' ? "edium"
                                                                            : "ow");
    const std::string figure = "<a href=\"/risk?level=" + std::string(level) + "\">" + label +
                               "</a>: <strong>" + api->get_header_value("X-Total-Count") +
                               "</strong>";
    EXPECT_NE(page->body.find(figure), std::string::npos) << figure;
  }
}

TEST_F(WebPagesTest, StaticFilesAreCachedForAYearAndRevalidate) {
  const auto login = get("/login");
  ASSERT_TRUE(login);
  std::smatch match;
  ASSERT_TRUE(std::regex_search(login->body, match, std::regex(R"re(href="(/static/[^"]+)")re")));
  const auto css = get(match[1].str());
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_NE(css->get_header_value("Content-Type").find("text/css"), std::string::npos);
  EXPECT_NE(css->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  const auto again =
      client().Get(match[1].str(), {{"If-None-Match", css->get_header_value("ETag")}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(get("/static/app.000000000000.css")->status, 404);
}

TEST_F(WebPagesTest, PagesAreFriendlyHtmlWithAStrictPolicyAndTheApiStaysJson) {
  const auto page = get("/nowhere");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("Page not found"), std::string::npos);
  const std::string policy = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  const auto api = get("/api/v1/nowhere");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_NE(api->get_header_value("Content-Type").find("application/json"), std::string::npos);
}

TEST_F(WebPagesTest, TheQcPagesListEveryJobAndShowOnesCheck) {
  const Browser browser = sign_in();
  const auto list = get("/qc", browser);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find(std::to_string(kJobs) + " jobs"), std::string::npos);
  EXPECT_NE(list->body.find("&lt;script&gt;alert(1)"), std::string::npos);
  EXPECT_EQ(list->body.find("<script>alert"), std::string::npos);
  const auto bad = get("/qc?status=MAYBE", browser);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("status must be PASS, FAIL or NOT_CHECKED"), std::string::npos);
  const auto detail = get("/qc/1", browser);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->status, 200);
  for (const char* text :
       {"Before (2)", "During (0)", "After (0)", "IMG_1.png", "caption says",
        "Duplicate of IMG_1.png", "Missing",
        R"(<img src="/media/files/file1?w=320" alt="Before - north roof face 1" loading="lazy")"}) {
    EXPECT_NE(detail->body.find(text), std::string::npos) << text << "\n" << detail->body;
  }
  const auto recheck = post_form("/qc/1/evaluate", form({{"csrf", browser.csrf}}), browser.cookie);
  ASSERT_TRUE(recheck);
  EXPECT_EQ(recheck->status, 303);
  EXPECT_EQ(recheck->get_header_value("Location"), "/qc/1");
}

TEST_F(WebPagesTest, TheSyncPageSaysWhatItCannotDo) {
  const Browser browser = sign_in();
  const auto page = get("/sync", browser);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("JobNimbus is not configured"), std::string::npos);
  const auto run =
      post_form("/sync/run", form({{"csrf", browser.csrf}, {"entity", "jobs"}}), browser.cookie);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->status, 503);
  const auto unknown =
      post_form("/sync/run", form({{"csrf", browser.csrf}, {"entity", "bikes"}}), browser.cookie);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  const auto retry =
      post_form("/sync/outbox/999/retry", form({{"csrf", browser.csrf}}), browser.cookie);
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 409);
  const auto resolve = post_form("/sync/conflicts/1/resolve",
                                 form({{"csrf", browser.csrf}, {"keep", "both"}}), browser.cookie);
  ASSERT_TRUE(resolve);
  EXPECT_EQ(resolve->status, 400);
  const auto bad_page = get("/sync?logs=-1", browser);
  ASSERT_TRUE(bad_page);
  EXPECT_EQ(bad_page->status, 400);
}

TEST_F(WebPagesTest, EachPanelShowsItsJobFromAnEmbedLink) {
  const std::vector<std::pair<std::string, std::string>> panels = {
      {"QC_PANEL", "Photo QC · Solar install 1"},
      {"RISK_VIEW", "Risk · Solar install 1"},
      {"CUSTOMER_PORTAL_VIEW", "class=\"stages\""}};
  for (const auto& [panel_type, expected] : panels) {
    const std::string path = link_path("1", panel_type);
    ASSERT_FALSE(path.empty()) << panel_type;
    const auto page = get(path);
    ASSERT_TRUE(page) << panel_type;
    EXPECT_EQ(page->status, 200) << panel_type << " " << page->body;
    EXPECT_NE(page->body.find(expected), std::string::npos) << panel_type;
    EXPECT_NE(page->body.find("data-expires-at=\""), std::string::npos);
    EXPECT_NE(page->body.find("<script src=\"/static/embed."), std::string::npos);
    EXPECT_EQ(page->body.find("<nav"), std::string::npos) << "a panel has no navigation";
    const std::string policy = page->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("frame-ancestors https://app.jobnimbus.com"), std::string::npos)
        << policy;
    EXPECT_FALSE(page->has_header("X-Frame-Options"));
  }
}

TEST_F(WebPagesTest, ARefusedPanelLinkSaysWhyInAShortPage) {
  const std::string qc_path = link_path("2", "QC_PANEL");
  ASSERT_FALSE(qc_path.empty());
  const std::string token = qc_path.substr(qc_path.find("token=") + 6);
  const auto other_panel = get("/embed/risk?token=" + token);
  ASSERT_TRUE(other_panel);
  EXPECT_EQ(other_panel->status, 401);
  EXPECT_NE(other_panel->body.find("This link is not valid"), std::string::npos);
  for (const char* path : {"/embed/qc?token=garbage", "/embed/qc"}) {
    const auto refused = get(path);
    ASSERT_TRUE(refused) << path;
    EXPECT_EQ(refused->status, 401) << path;
    EXPECT_NE(refused->get_header_value("Content-Type").find("text/html"), std::string::npos);
    EXPECT_NE(refused->body.find("Reopen the panel"), std::string::npos) << path;
  }
  auto database = store::open_database(serving_->config());
  ASSERT_TRUE(database);
  ASSERT_TRUE((*database)->jobs().mark_deleted(std::vector<std::string>{"job2"},
                                               to_unix_seconds(SystemClock().now())));
  const auto gone = get(qc_path);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  EXPECT_NE(gone->body.find("This job is no longer here"), std::string::npos);
}

TEST_F(WebPagesTest, ThePortalWithoutASessionSaysHowToGetBackIn) {
  for (const char* path : {"/portal/", "/portal/jobs/1"}) {
    const auto page = get(path);
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->status, 401) << path;
    EXPECT_NE(page->body.find("Please sign in again"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("<nav"), std::string::npos) << "no staff navigation";
  }
  const auto expired = get("/portal/link-expired");
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->status, 410);
  EXPECT_NE(expired->body.find("This sign-in link has expired"), std::string::npos);
  const auto used = client().Post("/api/v1/portal/session", {}, "token=not-a-real-link",
                                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(used);
  EXPECT_EQ(used->status, 303);
  EXPECT_EQ(used->get_header_value("Location"), "/portal/link-expired");
}

}  // namespace
}  // namespace gep::app

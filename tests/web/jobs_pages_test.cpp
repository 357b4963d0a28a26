// The jobs pages: the searchable list (the same search as GET /api/v1/jobs), a job's page with
// its record and links, and notes and tasks queued from the page through the outbox.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "web_pages_fixture.h"

namespace gep::app {
namespace {

std::vector<std::string> job_links_in(const std::string& html) {
  std::vector<std::string> names;
  static const std::regex cell(R"re(<td><a href="/jobs/\d+">([^<]*)</a>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator();
       ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

TEST_F(WebPagesTest, TheJobsListSearchesLikeTheApiAndPagesByCursor) {
  const Browser browser = sign_in();
  const auto first = get("/jobs", browser);
  ASSERT_TRUE(first && first->status == 200);
  EXPECT_EQ(job_links_in(first->body).size(), 50U);
  EXPECT_NE(first->body.find(std::to_string(kJobs) + " jobs"), std::string::npos);
  EXPECT_NE(first->body.find("<a href=\"/jobs\" aria-current=\"page\">Jobs</a>"),
            std::string::npos);
  EXPECT_EQ(first->body.find("<script>alert"), std::string::npos);

  const auto searched = get("/jobs?q=install+17", browser);
  ASSERT_TRUE(searched && searched->status == 200);
  const auto api = client().Get("/api/v1/jobs?q=install%2017", {{"x-internal-api-key", kApiKey}});
  ASSERT_TRUE(api && api->status == 200);
  const auto listed = nlohmann::json::parse(api->body);
  const auto names = job_links_in(searched->body);
  ASSERT_EQ(names.size(), listed["jobs"].size());
  ASSERT_FALSE(names.empty());
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(names[i], listed["jobs"][i]["name"]);
  EXPECT_NE(searched->body.find("value=\"install 17\""), std::string::npos) << "kept in the form";

  std::smatch next;
  static const std::regex link(R"re(<a href="([^"]+)" rel="next">)re");
  ASSERT_TRUE(std::regex_search(first->body, next, link));
  std::string path = next[1].str();
  for (size_t at = path.find("&amp;"); at != std::string::npos; at = path.find("&amp;", at)) {
    path.replace(at, 5, "&");
  }
  const auto second = get(path, browser);
  ASSERT_TRUE(second && second->status == 200);
  EXPECT_EQ(job_links_in(second->body).size(), static_cast<size_t>(kJobs - 50));
  EXPECT_EQ(second->body.find("<script>alert"), std::string::npos);
  EXPECT_NE((first->body + second->body).find("&lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos)
      << "the hostile name is listed, as text";
}

TEST_F(WebPagesTest, AJobPageLinksItsRiskQcAndJobNimbusAndSaysWhenItIsMissing) {
  const Browser browser = sign_in();
  const auto page = get("/jobs/1", browser);
  ASSERT_TRUE(page && page->status == 200);
  for (const char* expected :
       {"<h1>Solar install 1</h1>", "<a href=\"/risk/1\">Risk</a>",
        "<a href=\"/qc/1\">Photo QC</a> (2 photos)",
        "<a href=\"https://app.jobnimbus.com/job/job1\" target=\"_blank\" rel=\"noopener "
        "noreferrer\">",
        "1 Main St, Provo, UT 84003", "Nothing written back for this job yet."}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }
  const auto by_jnid = get("/jobs/job1", browser);
  ASSERT_TRUE(by_jnid);
  EXPECT_EQ(by_jnid->status, 200);
  const auto missing = get("/jobs/999999", browser);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("There is no job 999999 in the mirror."), std::string::npos);
}

TEST_F(WebPagesTest, ANoteAndATaskFromThePageAreQueuedOnceAndShownOnTheJob) {
  const Browser browser = sign_in();
  const auto note = post_form("/jobs/1/notes",
                              form({{"csrf", browser.csrf}, {"text", "Called the customer <b>"}}),
                              browser.cookie);
  ASSERT_TRUE(note);
  EXPECT_EQ(note->status, 303);
  EXPECT_EQ(note->get_header_value("Location"), "/jobs/1?queued=1");
  const auto task =
      post_form("/jobs/1/tasks",
                form({{"csrf", browser.csrf}, {"title", "Order the permit"}, {"next", "/risk/1"}}),
                browser.cookie);
  ASSERT_TRUE(task);
  EXPECT_EQ(task->status, 303);
  EXPECT_EQ(task->get_header_value("Location"), "/risk/1?queued=1");
  const auto abroad = post_form(
      "/jobs/1/notes", form({{"csrf", browser.csrf}, {"text", "x"}, {"next", "//evil.example"}}),
      browser.cookie);
  ASSERT_TRUE(abroad);
  EXPECT_EQ(abroad->get_header_value("Location"), "/?queued=1") << "only local paths";

  const auto outbox =
      client().Get("/api/v1/sync/outbox?jobId=job1", {{"x-internal-api-key", kApiKey}});
  ASSERT_TRUE(outbox && outbox->status == 200) << (outbox ? outbox->body : "");
  const auto items = nlohmann::json::parse(outbox->body);
  EXPECT_EQ(items["total"], 3);

  const auto page = get("/jobs/1?queued=1", browser);
  ASSERT_TRUE(page && page->status == 200);
  EXPECT_NE(page->body.find("Queued for JobNimbus."), std::string::npos);
  EXPECT_NE(page->body.find("<td>task</td><td><span class=\"badge badge-pending\">Queued</span>"),
            std::string::npos);
  EXPECT_NE(page->body.find("<td>note</td>"), std::string::npos);
  EXPECT_EQ(page->body.find("<b>"), std::string::npos);
}

TEST_F(WebPagesTest, AnEmptyNoteIsRefusedWithAPageAndNothingIsQueued) {
  const Browser browser = sign_in();
  const auto empty =
      post_form("/jobs/1/notes", form({{"csrf", browser.csrf}, {"text", "  "}}), browser.cookie);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_NE(empty->get_header_value("Content-Type").find("text/html"), std::string::npos);
  const auto forged = post_form("/jobs/1/notes", form({{"text", "forged"}}), browser.cookie);
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  const auto gone = post_form("/jobs/999999/notes", form({{"csrf", browser.csrf}, {"text", "x"}}),
                              browser.cookie);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  const auto outbox =
      client().Get("/api/v1/sync/outbox?jobId=job1", {{"x-internal-api-key", kApiKey}});
  ASSERT_TRUE(outbox && outbox->status == 200);
  EXPECT_EQ(nlohmann::json::parse(outbox->body)["total"], 0);
}

}  // namespace
}  // namespace gep::app

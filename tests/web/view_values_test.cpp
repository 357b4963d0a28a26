// What a page may print as a link, a date or a query string.
#include <gtest/gtest.h>

#include "web/login_pages.h"
#include "web/page_guard.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

TEST(SafeHref, KeepsWebAndLocalLinksAndRefusesEverythingElse) {
  EXPECT_EQ(safe_href("https://app.jobnimbus.com/job/abc"), "https://app.jobnimbus.com/job/abc");
  EXPECT_EQ(safe_href("http://localhost/x"), "http://localhost/x");
  EXPECT_EQ(safe_href("/risk?level=HIGH"), "/risk?level=HIGH");
  EXPECT_EQ(safe_href("javascript:alert(1)"), "#");
  EXPECT_EQ(safe_href("JavaScript:alert(1)"), "#");
  EXPECT_EQ(safe_href("data:text/html,x"), "#");
  EXPECT_EQ(safe_href("//evil.example/"), "#");
  EXPECT_EQ(safe_href("/\\evil.example/"), "#");
  EXPECT_EQ(safe_href(""), "#");
}

TEST(SafeLocalPath, AcceptsOnlyPathsOfThisSite) {
  EXPECT_EQ(safe_local_path("/risk?level=HIGH"), "/risk?level=HIGH");
  EXPECT_EQ(safe_local_path("https://evil.example/"), "/");
  EXPECT_EQ(safe_local_path("//evil.example/"), "/");
  EXPECT_EQ(safe_local_path("/\\evil.example"), "/");
  EXPECT_EQ(safe_local_path("/ok\r\nSet-Cookie: x"), "/");
  EXPECT_EQ(safe_local_path("risk"), "/");
}

TEST(LoginUrl, CarriesThePageToReturnTo) {
  EXPECT_EQ(login_url_for("/risk?level=HIGH"), "/login?next=%2Frisk%3Flevel%3DHIGH");
  EXPECT_EQ(login_url_for("/"), "/login");
  EXPECT_EQ(login_url_for("//evil.example"), "/login");
}

TEST(QueryString, EncodesValuesAndSkipsEmptyOnes) {
  EXPECT_EQ(query_string({{"level", "HIGH"}, {"q", "a b&c"}, {"reason", ""}}),
            "?level=HIGH&q=a%20b%26c");
  EXPECT_EQ(query_string({{"level", ""}}), "");
}

TEST(Formats, SayWaitsInWords) {
  EXPECT_EQ(format_duration_ms(850), "850 ms");
  EXPECT_EQ(format_duration_ms(4'250), "4.2 s");
  EXPECT_EQ(format_duration_ms(125'000), "2 m 05 s");
  EXPECT_EQ(wait_in_words(30), "30 seconds");
  EXPECT_EQ(wait_in_words(61), "2 minutes");
  EXPECT_EQ(wait_in_words(900), "15 minutes");
  EXPECT_EQ(wait_in_words(3600), "1 hour");
  EXPECT_EQ(ascii_lower("NOT_CHECKED"), "not_checked");
}

}  // namespace
}  // namespace gep::web

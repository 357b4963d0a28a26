// PageRenderer: every embedded template parses, a name the data lacks is an error (kainjow
// renders it empty), values are escaped, and a page sits inside the layout.
#include <gtest/gtest.h>

#include <algorithm>

#include "web/assets.h"
#include "web/page_renderer.h"

namespace gep::web {
namespace {

Data layout_data() {
  Data layout;
  layout.set("title", "T");
  layout.set("stylesheet", "/static/app.css");
  layout.set("favicon", "/static/favicon.svg");
  layout.set("signedIn", false);
  layout.set("username", "");
  layout.set("csrf", "");
  layout.set("navigation", List{});
  return layout;
}

Data error_data(const std::string& message) {
  Data page;
  page.set("heading", "Oops");
  page.set("message", message);
  page.set("signedIn", false);
  return page;
}

TEST(PageRenderer, EmbedsEveryPageTemplate) {
  const PageRenderer renderer;
  const auto names = renderer.template_names();
  for (const char* expected : {"layout", "error", "login", "overview", "risk_list", "risk_detail",
                               "qc_list", "qc_detail"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
}

TEST(PageRenderer, ANameTheDataLacksIsAnErrorNotABlank) {
  const PageRenderer renderer;
  Data page = error_data("m");
  Data incomplete;
  incomplete.set("heading", "Oops");
  const auto rendered = renderer.render("error", incomplete);
  ASSERT_FALSE(rendered);
  EXPECT_NE(rendered.error().message.find("message"), std::string::npos);
  EXPECT_NE(rendered.error().message.find("signedIn"), std::string::npos);
  EXPECT_TRUE(renderer.render("error", page));
}

TEST(PageRenderer, EscapesEveryValueAndPutsThePageInTheLayout) {
  const PageRenderer renderer;
  const auto html = renderer.render_page("error", error_data("<script>alert(\"x\")</script> & 'q'"),
                                         layout_data());
  ASSERT_TRUE(html) << html.error().message;
  EXPECT_EQ(html->find("<script>alert"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;"),
            std::string::npos)
      << *html;
  EXPECT_NE(html->find("<main id=\"main\">"), std::string::npos);
  EXPECT_NE(html->find("<h1 id=\"error-heading\">Oops</h1>"), std::string::npos);
}

TEST(PageRenderer, AnUnknownTemplateIsAnError) {
  const PageRenderer renderer;
  EXPECT_FALSE(renderer.render("no_such_page", Data{}));
}

TEST(StaticAssets, AreNamedByTheirContentAndCarryAnEtag) {
  const StaticAssets assets;
  const std::string& url = assets.url_of("app.css");
  EXPECT_TRUE(url.starts_with("/static/app.")) << url;
  EXPECT_TRUE(url.ends_with(".css")) << url;
  EXPECT_EQ(url.size(), std::string("/static/app.").size() + 12 + 4);
  ASSERT_FALSE(assets.assets().empty());
  EXPECT_FALSE(assets.assets().front().bytes.empty());
  EXPECT_THROW((void)assets.url_of("missing.css"), std::logic_error);
}

}  // namespace
}  // namespace gep::web

// The invitation mail, its MIME form, the login page and the tokens: escaping and shapes.
#include <gtest/gtest.h>

#include <set>

#include "core/digest.h"
#include "portal/html.h"
#include "portal/invitations.h"
#include "portal/invite_mail.h"
#include "portal/login_page.h"
#include "portal/mime_message.h"
#include "portal/tokens.h"

namespace gep::portal {
namespace {

std::string decoded_part(const std::string& mime, const std::string& type) {
  const size_t header = mime.find("Content-Type: " + type);
  const size_t start = mime.find("\r\n\r\n", header) + 4;
  const size_t end = mime.find("--gep-", start);
  std::string base64;
  for (size_t i = start; i < end; ++i) {
    if (mime[i] != '\r' && mime[i] != '\n') base64 += mime[i];
  }
  return base64_decode(base64).value_or("(undecodable)");
}

TEST(PortalTokens, AreRandom256BitBase64UrlAndStoredHashed) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string token = new_token();
    EXPECT_TRUE(looks_like_token(token)) << token;
    EXPECT_TRUE(seen.insert(token).second);
  }
  const std::string token = new_token();
  EXPECT_EQ(token_hash(token).size(), 64U);
  EXPECT_NE(token_hash(token), token);
  EXPECT_FALSE(looks_like_token(token.substr(1)));
  EXPECT_FALSE(looks_like_token(token.substr(1) + "="));
  EXPECT_FALSE(looks_like_token(""));
}

TEST(InviteMail, HasPlainTextAndEscapedHtmlWithTheLink) {
  InviteMailInput input;
  input.to = "clark@example.com";
  input.contact_name = "Clark <b>";
  input.link = "https://portal.example/portal/login?token=abc&x=1";
  input.valid_minutes = 60;
  input.company = {"Sunny & Sons", "801-555-0100", ""};
  input.from = "portal@sunny.example";
  const MailMessage message = compose_invite_mail(input);
  EXPECT_NE(message.text_body.find(input.link), std::string::npos);
  EXPECT_NE(message.text_body.find("60 minutes"), std::string::npos);
  EXPECT_NE(
      message.html_body.find("href=\"https://portal.example/portal/login?token=abc&amp;x=1\""),
      std::string::npos);
  EXPECT_NE(message.html_body.find("Hello Clark &lt;b&gt;,"), std::string::npos);
  EXPECT_NE(message.html_body.find("Sunny &amp; Sons"), std::string::npos);
  EXPECT_EQ(message.html_body.find("<b>"), std::string::npos);
  EXPECT_EQ(message.from_name, "Sunny & Sons");
}

TEST(MimeMessage, IsMultipartAlternativeWithDateAndMessageId) {
  MailMessage message{"portal@sunny.example", "Sunny \"Solar\"",
                      "clark@example.com",    "Your link\r\nBcc: evil@example.com",
                      "plain body é",         "<p>html body</p>"};
  const std::string id = new_message_id(message.from);
  EXPECT_EQ(id.back(), '>');
  EXPECT_NE(id.find("@sunny.example>"), std::string::npos);
  const std::string mime = render_mime(message, 1'700'000'000, id);
  EXPECT_NE(mime.find("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Message-ID: " + id + "\r\n"), std::string::npos);
  EXPECT_NE(mime.find("From: \"Sunny \\\"Solar\\\"\" <portal@sunny.example>\r\n"),
            std::string::npos);
  EXPECT_NE(mime.find("To: <clark@example.com>\r\n"), std::string::npos);
  EXPECT_NE(mime.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_EQ(mime.find("\r\nBcc:"), std::string::npos);  // no header injection
  EXPECT_EQ(decoded_part(mime, "text/plain"), "plain body é");
  EXPECT_EQ(decoded_part(mime, "text/html"), "<p>html body</p>");
}

TEST(MimeMessage, EncodesNonAsciiSubjects) {
  MailMessage message{"a@b.example", "", "c@d.example", "Über", "x", "y"};
  EXPECT_NE(render_mime(message, 0, "<1@b.example>").find("Subject: =?UTF-8?B?w5xiZXI=?=\r\n"),
            std::string::npos);
}

TEST(LoginPage, PostsTheEscapedTokenAndNeverRedeemsIt) {
  const std::string page = render_login_page("abc\"><script>", "Sunny <Solar>");
  EXPECT_NE(page.find("<form method=\"post\" action=\"/api/v1/portal/session\">"),
            std::string::npos);
  EXPECT_NE(page.find("value=\"abc&quot;&gt;&lt;script&gt;\""), std::string::npos);
  EXPECT_NE(page.find("Sunny &lt;Solar&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_EQ(render_login_page("", "x").find("<form"), std::string::npos);
}

TEST(Invitations, LinkPointsAtThePortalLoginPage) {
  EXPECT_EQ(login_link("https://portal.example/", "tok"),
            "https://portal.example/portal/login?token=tok");
  EXPECT_EQ(html_escape("a&b<c>\"d'"), "a&amp;b&lt;c&gt;&quot;d&#39;");
}

TEST(Invitations, OnlyPlainAddressesAreMailed) {
  EXPECT_TRUE(is_mailable_address("jane.doe+roof@example.com"));
  EXPECT_FALSE(is_mailable_address(""));
  EXPECT_FALSE(is_mailable_address("no-at-sign.example.com"));
  EXPECT_FALSE(is_mailable_address("@example.com"));
  EXPECT_FALSE(is_mailable_address("jane@"));
  EXPECT_FALSE(is_mailable_address("jane@a@b.com"));
  EXPECT_FALSE(is_mailable_address("jane@example.com>\r\nRCPT TO:<thief@evil.test"));
  EXPECT_FALSE(is_mailable_address("jane@example.com,thief@evil.test"));
  EXPECT_FALSE(is_mailable_address("Jane Doe <jane@example.com>"));
}

}  // namespace
}  // namespace gep::portal

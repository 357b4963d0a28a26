// download_file: the 302 from GET /files/{jnid}, then the signed URL, both through the executor.
#include <gtest/gtest.h>

#include "jobnimbus/client_fixture.h"
#include "jobnimbus/scripted_transport.h"

namespace gep::jobnimbus {
namespace {

using gep::testing::kTestApiKey;
using gep::testing::make_test_client;
using gep::testing::ScriptedTransport;
using gep::testing::TestClient;

const std::string kSignedUrl = "https://files.example.com/f1?expires=1&signature=abc";

struct DownloadTest : ::testing::Test {
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  TestClient client = make_test_client("https://app.jobnimbus.com/api1", transport);
};

bool has_authorization(const HttpRequest& request) {
  for (const auto& header : request.headers) {
    if (header.name == "Authorization") return true;
  }
  return false;
}

TEST_F(DownloadTest, FollowsTheRedirectWithoutTheKey) {
  transport->respond(302, "", {{"Location", kSignedUrl}});
  transport->respond(200, "JPEGBYTES", {{"Content-Type", "image/jpeg"}});
  const auto download = client->download_file("f1");
  ASSERT_TRUE(download.ok()) << download.error().describe();
  EXPECT_EQ(download->bytes, "JPEGBYTES");
  EXPECT_EQ(download->content_type, "image/jpeg");
  const auto requests = transport->requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].url, "https://app.jobnimbus.com/api1/files/f1");
  EXPECT_TRUE(has_authorization(requests[0]));
  EXPECT_EQ(requests[1].url, kSignedUrl);
  EXPECT_FALSE(has_authorization(requests[1]));
}

TEST_F(DownloadTest, RetriesTheSignedUrlLikeARead) {
  transport->respond(302, "", {{"Location", kSignedUrl}});
  transport->respond(503, "busy");
  transport->respond(200, "BYTES");
  const auto download = client->download_file("f1");
  ASSERT_TRUE(download.ok()) << download.error().describe();
  EXPECT_EQ(download->bytes, "BYTES");
  EXPECT_EQ(transport->requests().size(), 3U);
}

TEST_F(DownloadTest, UnknownFileIsNotFound) {
  transport->respond(404, R"({"error":"not found"})");
  const auto download = client->download_file("missing");
  ASSERT_FALSE(download.ok());
  EXPECT_EQ(download.error().kind, ApiErrorKind::not_found);
  EXPECT_EQ(download.error().message.find(kTestApiKey), std::string::npos);
}

TEST_F(DownloadTest, RefusesAnAnswerThatIsNotARedirectToHttp) {
  transport->respond(200, "{}");
  EXPECT_EQ(client->download_file("f1").error().kind, ApiErrorKind::invalid_response);
  transport->respond(302, "", {{"Location", "file:///etc/passwd"}});
  EXPECT_EQ(client->download_file("f1").error().kind, ApiErrorKind::invalid_response);
  EXPECT_EQ(transport->requests().size(), 2U);
}

TEST_F(DownloadTest, EmptyIdSendsNothing) {
  EXPECT_EQ(client->download_file("").error().kind, ApiErrorKind::validation);
  EXPECT_TRUE(transport->requests().empty());
}

}  // namespace
}  // namespace gep::jobnimbus

// GET /media/files/:fileJnid in the real Application, with JobNimbus played by a scripted server
// that redirects GET /files/{jnid} to a "signed URL" serving a real JPEG.
#include <gtest/gtest.h>
#include <vips/vips.h>

#include "media/test_jpeg.h"

#include <regex>

#include "app/serving_app.h"
#include "jobnimbus/scripted_server.h"
#include "media/signed_links.h"
#include "store/test_records.h"

namespace gep::app {
namespace {

constexpr const char* kApiKey = "media-route-internal-key-0123456789";
constexpr const char* kPassword = "media route staff passphrase";

using gep::testing::HttpHeaders;
using gep::testing::RecordedRequest;
using gep::testing::ScriptedReply;
using gep::testing::ScriptedServer;

using test::black_jpeg;

int decoded_width(const std::string& jpeg) {
  VipsImage* image = vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr);
  if (image == nullptr) return 0;
  const int width = vips_image_get_width(image);
  g_object_unref(image);
  return width;
}

std::string cookie_pair(const std::string& set_cookie) {
  return set_cookie.substr(0, set_cookie.find(';'));
}

class MediaRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string jpeg = black_jpeg(1280, 960);
    ASSERT_FALSE(jpeg.empty());
    const std::string origin = "http://127.0.0.1:" + std::to_string(jobnimbus_.port());
    jobnimbus_.set_handler([jpeg, origin](const RecordedRequest& request) {
      if (request.path.starts_with("/api1/files/")) {
        const std::string id = request.path.substr(std::string("/api1/files/").size());
        return ScriptedReply::http(302, "", {{"Location", origin + "/signed/" + id + "?sig=x"}});
      }
      if (request.path == "/signed/file1") return ScriptedReply::http(200, jpeg, {}, "image/jpeg");
      return ScriptedReply::http(404, R"({"error":"not found"})");
    });
    serving_ = std::make_unique<test::ServingApp>(
        "media-route", kApiKey, kPassword,
        [this](store::Database& database) { seed_mirror(database); },
        EnvMap{{"JOBNIMBUS_API_KEY", "media-route-jobnimbus-key"},
               {"JOBNIMBUS_BASE_URL", jobnimbus_.base_url()}});
    ASSERT_TRUE(serving_->started().ok()) << serving_->started().error().message;
  }

  // job1 has a photo (file1); file9 is in the mirror with no job.
  void seed_mirror(store::Database& database) {
    ASSERT_TRUE(database.jobs().upsert_batch(std::vector<domain::Job>{test::make_job(1)}));
    std::vector<domain::File> files = {test::make_file(1, "job1", domain::FileKind::photo),
                                       test::make_file(9, "", domain::FileKind::photo)};
    ASSERT_TRUE(database.files().upsert_batch(files));
    file1_id_ = (*database.files().find_by_jnid("file1"))->id;
    file9_id_ = (*database.files().find_by_jnid("file9"))->id;
  }

  // A panel's URL for the file, signed as the application signs them.
  std::string signed_path(const int64_t file_id, const int width, const int64_t lifetime) const {
    const media::SignedMediaLinks links(serving_->config().embed_signing_secret);
    return links.path(file_id, width, to_unix_seconds(SystemClock().now()) + lifetime);
  }

  std::string staff_cookie() const {
    auto client = serving_->client();
    const auto page = client.Get("/login");
    if (!page) return {};
    std::smatch match;
    static const std::regex field(R"re(name="csrf" value="([0-9a-f]+)")re");
    if (!std::regex_search(page->body, match, field)) return {};
    const HttpHeaders headers = {{"Cookie", cookie_pair(page->get_header_value("Set-Cookie"))}};
    const auto answer =
        client.Post("/login", headers,
                    "csrf=" + match[1].str() +
                        "&next=%2F&username=staffer&password=media%20route%20staff%20passphrase",
                    "application/x-www-form-urlencoded");
    if (!answer || answer->status != 303) return {};
    return cookie_pair(answer->get_header_value("Set-Cookie"));
  }

  gep::testing::HttpResult get(const std::string& path, const std::string& cookie) const {
    HttpHeaders headers;
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return serving_->client().Get(path, headers);
  }

  size_t downloads() const {
    size_t count = 0;
    for (const auto& request : jobnimbus_.requests()) count += request.path.starts_with("/signed/");
    return count;
  }

  ScriptedServer jobnimbus_;
  int64_t file1_id_ = 0;
  int64_t file9_id_ = 0;
  std::unique_ptr<test::ServingApp> serving_;
};

TEST_F(MediaRouteTest, AStaffSessionGetsAJpegThumbnailThroughGep) {
  const std::string cookie = staff_cookie();
  ASSERT_FALSE(cookie.empty());
  const auto answer = get("/media/files/file1?w=320", cookie);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_EQ(answer->get_header_value("Cache-Control"), "private, max-age=3600");
  EXPECT_EQ(answer->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(answer->has_header("Location"));
  EXPECT_EQ(decoded_width(answer->body), 320);
  // Again, and at another width: JobNimbus's bytes are fetched once.
  ASSERT_EQ(get("/media/files/file1?w=320", cookie)->status, 200);
  const auto small = get("/media/files/file1?w=160", cookie);
  ASSERT_EQ(small->status, 200);
  EXPECT_EQ(decoded_width(small->body), 160);
  EXPECT_EQ(downloads(), 1U);
}

TEST_F(MediaRouteTest, NoSessionIsSentToSignInWithoutTouchingJobNimbus) {
  const auto answer = get("/media/files/file1?w=320", "");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 303);
  EXPECT_TRUE(answer->get_header_value("Location").starts_with("/login"));
  EXPECT_EQ(jobnimbus_.request_count(), 0U);
}

TEST_F(MediaRouteTest, FilesOutsideTheMirrorsJobsAre404WithoutAskingJobNimbus) {
  const std::string cookie = staff_cookie();
  ASSERT_FALSE(cookie.empty());
  for (const char* path : {"/media/files/unknown?w=320", "/media/files/file9?w=320"}) {
    const auto answer = get(path, cookie);
    ASSERT_TRUE(answer) << path;
    EXPECT_EQ(answer->status, 404) << path;
  }
  EXPECT_EQ(jobnimbus_.request_count(), 0U);
}

TEST_F(MediaRouteTest, AWidthOutsideTheSetIsRefused) {
  const std::string cookie = staff_cookie();
  const auto answer = get("/media/files/file1?w=1000", cookie);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 400);
  EXPECT_EQ(jobnimbus_.request_count(), 0U);
}

TEST_F(MediaRouteTest, APanelsSignedUrlOpensItsOneThumbnailUntilItExpires) {
  const auto answer = get(signed_path(file1_id_, 160, 600), "");
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_EQ(decoded_width(answer->body), 160);
  EXPECT_EQ(downloads(), 1U);
}

// Every caller that may not see file1 is refused, and none of them reaches JobNimbus.
TEST_F(MediaRouteTest, MediaRefusesEveryPrincipalThatMayNotSeeTheFile) {
  const std::string staff_path = "/media/files/file1?w=320";
  for (const char* cookie : {"", "gep_session=forged", "gep_portal=a-customer-session"}) {
    const auto answer = get(staff_path, cookie);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 303) << "cookie '" << cookie << "': staff pages need a staff session";
  }
  const std::string valid = signed_path(file1_id_, 320, 600);
  const std::string query = valid.substr(valid.find('?'));
  const std::string signature = valid.substr(valid.find("&sig=") + 5);
  const std::vector<std::pair<std::string, int>> refused = {
      {"/media/signed/files/" + std::to_string(file1_id_) + "?w=320", 403},  // unsigned
      {"/media/signed/files/" + std::to_string(file9_id_) + query, 403},     // another file
      {std::regex_replace(valid, std::regex("w=320"), "w=640"), 403},        // another width
      {valid.substr(0, valid.size() - 1), 403},                              // a changed signature
      {std::regex_replace(valid, std::regex("exp=[0-9]+"), "exp=9999999999"), 403},  // extended
      {signed_path(file1_id_, 320, -5), 401},                                        // expired
      {signed_path(file9_id_, 320, 600), 404},  // signed, but not a file of an active job
      {"/media/signed/files/abc?w=320&exp=1&sig=" + signature, 403},
  };
  for (const auto& [path, status] : refused) {
    const auto answer = get(path, "");
    ASSERT_TRUE(answer) << path;
    EXPECT_EQ(answer->status, status) << path;
    EXPECT_EQ(answer->get_header_value("Content-Type").rfind("image/", 0), std::string::npos);
  }
  EXPECT_EQ(jobnimbus_.request_count(), 0U);
}

}  // namespace
}  // namespace gep::app

#include "net/multipart.h"

#include <gtest/gtest.h>

namespace gep::net {
namespace {

constexpr const char* kType = "multipart/form-data; boundary=XyZ";

TEST(MultipartTest, PartsKeepNameFileNameTypeAndBytes) {
  // The file's bytes hold a NUL and a line that starts like the delimiter but is not one.
  const std::string file_bytes = std::string("\xff\xd8\r\n--XyZ", 9) + std::string(1, '\0') + "b";
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roof 1.jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n" +
      file_bytes +
      "\r\n--XyZ\r\nContent-Disposition: form-data; name=description\r\n\r\nnorth face\r\n"
      "--XyZ--\r\n";
  ASSERT_TRUE(is_multipart_form_data(kType));
  const auto parts = parse_multipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2U);
  const FormPart& file = parts->at("file");
  EXPECT_EQ(file.filename, "roof 1.jpg");
  EXPECT_EQ(file.content_type, "image/jpeg");
  EXPECT_EQ(file.content, file_bytes);
  EXPECT_EQ(parts->at("description").content, "north face");
}

TEST(MultipartTest, MalformedBodiesAreErrorsNotCrashes) {
  EXPECT_FALSE(is_multipart_form_data("multipart/form-data"));
  EXPECT_FALSE(is_multipart_form_data("application/json"));
  EXPECT_FALSE(parse_multipart(kType, "no delimiter at all").ok());
  EXPECT_FALSE(parse_multipart(kType, "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx").ok());
  EXPECT_FALSE(parse_multipart(kType, "--XyZ\r\nno header end").ok());
  EXPECT_FALSE(parse_multipart(kType, "--XyZ\r\n\r\nno name\r\n--XyZ--").ok());
}

}  // namespace
}  // namespace gep::net

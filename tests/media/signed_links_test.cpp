// The panels' photo URLs: a signature binds the file, the width and the expiry, under a key of
// the embed secret's own.
#include "media/signed_links.h"

#include <gtest/gtest.h>

#include <regex>

namespace gep::media {
namespace {

constexpr const char* kSecret = "signed-links-test-secret-0123456789abcdef";

std::string signature_of(const std::string& path) {
  std::smatch match;
  static const std::regex field("[?&]sig=([A-Za-z0-9_-]+)$");
  return std::regex_search(path, match, field) ? match[1].str() : std::string();
}

TEST(SignedMediaLinks, APathNamesTheFileWidthAndExpiryAndItsSignatureChecks) {
  const SignedMediaLinks links(kSecret);
  const std::string path = links.path(42, 320, 1'900'000'000);
  EXPECT_TRUE(path.starts_with("/media/signed/files/42?w=320&exp=1900000000&sig=")) << path;
  const std::string signature = signature_of(path);
  ASSERT_FALSE(signature.empty());
  EXPECT_TRUE(links.is_signed(42, 320, 1'900'000'000, signature));
}

TEST(SignedMediaLinks, ChangingAnyPartOrTheSecretBreaksTheSignature) {
  const SignedMediaLinks links(kSecret);
  const std::string signature = signature_of(links.path(42, 320, 1'900'000'000));
  EXPECT_FALSE(links.is_signed(43, 320, 1'900'000'000, signature));
  EXPECT_FALSE(links.is_signed(42, 640, 1'900'000'000, signature));
  EXPECT_FALSE(links.is_signed(42, 320, 1'900'000'001, signature));
  EXPECT_FALSE(links.is_signed(42, 320, 1'900'000'000, ""));
  EXPECT_FALSE(links.is_signed(42, 320, 1'900'000'000, signature.substr(1)));
  const SignedMediaLinks other("another-secret-entirely-0123456789abcdef");
  EXPECT_FALSE(other.is_signed(42, 320, 1'900'000'000, signature));
}

TEST(SignedMediaLinks, WithoutASecretNoTwoProcessesShareAKey) {
  const SignedMediaLinks first("");
  const SignedMediaLinks second("");
  const std::string signature = signature_of(first.path(1, 160, 1'900'000'000));
  EXPECT_TRUE(first.is_signed(1, 160, 1'900'000'000, signature));
  EXPECT_FALSE(second.is_signed(1, 160, 1'900'000'000, signature));
}

}  // namespace
}  // namespace gep::media

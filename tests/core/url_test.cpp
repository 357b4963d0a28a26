#include "core/url.h"

#include <gtest/gtest.h>

namespace gep {
namespace {

TEST(Url, ParsesParts) {
  const auto url = parse_url("postgres://gep:pw@db.local:5433/gep?sslmode=require");
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->scheme, "postgres");
  EXPECT_EQ(url->user, "gep");
  EXPECT_EQ(url->password, "pw");
  EXPECT_EQ(url->host, "db.local");
  EXPECT_EQ(url->port, 5433);
  EXPECT_EQ(url->path_and_query, "/gep?sslmode=require");
}

TEST(Url, Ipv6AndRejections) {
  const auto url = parse_url("http://[::1]:8080/api1");
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 8080);
  EXPECT_FALSE(parse_url("not a url").has_value());
  EXPECT_FALSE(parse_url("http://").has_value());
  EXPECT_FALSE(parse_url("http://host:99999/").has_value());
  EXPECT_FALSE(parse_url("http://host:abc/").has_value());
}

TEST(Url, Loopback) {
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.8.9.10"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("app.jobnimbus.com"));
  EXPECT_FALSE(is_loopback_host("10.0.0.1"));
}

}  // namespace
}  // namespace gep

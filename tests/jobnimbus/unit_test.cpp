// Pure pieces of the client: errors, Retry-After, backoff, the rate limiter, query building.
#include <gtest/gtest.h>

#include <thread>

#include "jobnimbus/api_error.h"
#include "jobnimbus/base64.h"
#include "jobnimbus/query.h"
#include "jobnimbus/rate_limiter.h"
#include "jobnimbus/retry_policy.h"

namespace gep::jobnimbus {
namespace {

TEST(ApiErrorTest, ExcerptReadsJsonMessages) {
  EXPECT_EQ(error_body_excerpt(R"({"message":"Invalid record_type_name - Note"})"),
            "Invalid record_type_name - Note");
  EXPECT_EQ(error_body_excerpt(R"({"error":{"message":"nope"}})"), "nope");
  EXPECT_EQ(error_body_excerpt(R"({"errors":["a","b"]})"), "a; b");
}

TEST(ApiErrorTest, ExcerptKeepsPlainTextOnOneShortLine) {
  EXPECT_EQ(error_body_excerpt("Unauthorized\r\n  bad   key\n"), "Unauthorized bad key");
  const std::string long_text(1000, 'x');
  EXPECT_LE(error_body_excerpt(long_text).size(), 210U);
}

TEST(ApiErrorTest, StatusesMapToKinds) {
  EXPECT_EQ(error_for_status(401, "").kind, ApiErrorKind::unauthorized);
  EXPECT_EQ(error_for_status(403, "").kind, ApiErrorKind::forbidden);
  EXPECT_EQ(error_for_status(404, "").kind, ApiErrorKind::not_found);
  EXPECT_EQ(error_for_status(400, "").kind, ApiErrorKind::validation);
  EXPECT_EQ(error_for_status(429, "").kind, ApiErrorKind::rate_limited);
  EXPECT_EQ(error_for_status(503, "").kind, ApiErrorKind::transient);
  const ApiError error = error_for_status(401, "Unauthorized");
  EXPECT_EQ(error.describe(), "unauthorized: JobNimbus rejected the API key (401): Unauthorized");
  EXPECT_EQ(error.to_error().code, "jobnimbus_unauthorized");
}

TEST(ApiErrorTest, ScrubRemovesEveryOccurrence) {
  EXPECT_EQ(scrub_secret("key abc123 and abc123", "abc123"), "key [REDACTED] and [REDACTED]");
  EXPECT_EQ(scrub_secret("unchanged", ""), "unchanged");
}

TEST(RetryAfterTest, DeltaSeconds) {
  const TimePoint now = from_unix_seconds(1'700'000'000);
  EXPECT_EQ(parse_retry_after("7", now), Duration{7000});
  EXPECT_EQ(parse_retry_after(" 0 ", now), Duration{0});
  EXPECT_EQ(parse_retry_after("-3", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
}

TEST(RetryAfterTest, HttpDateInEveryForm) {
  // 1994-11-06T08:49:37Z = 784111777
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_EQ(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"), std::nullopt);
  const TimePoint now = from_unix_seconds(784111777 - 12);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), Duration{12'000});
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + std::chrono::hours{1}),
            Duration{0});
}

TEST(BackoffTest, FullJitterStaysUnderTheCap) {
  RetryPolicy policy;
  policy.initial_backoff = Duration{100};
  policy.max_backoff = Duration{1000};
  policy.jitter_seed = 7;
  Backoff backoff(policy);
  bool saw_spread = false;
  for (int retry = 0; retry < 12; ++retry) {
    const Duration ceiling = std::min(Duration{1000}, Duration{100 << std::min(retry, 10)});
    for (int sample = 0; sample < 50; ++sample) {
      const Duration wait = backoff.delay(retry);
      EXPECT_GE(wait.count(), 0);
      EXPECT_LE(wait, ceiling);
      if (wait < ceiling / 2) saw_spread = true;
    }
  }
  EXPECT_TRUE(saw_spread);
}

TEST(RateLimiterTest, SpacesRequestsOnTheClock) {
  auto clock = std::make_shared<ManualClock>();
  RateLimiter limiter(2.0, 1.0, clock);
  for (int i = 0; i < 5; ++i) limiter.acquire();
  // The first is free (burst 1), the next four wait 500 ms each.
  EXPECT_EQ(clock->total_slept(), Duration{2000});
}

TEST(RateLimiterTest, BurstThenRate) {
  auto clock = std::make_shared<ManualClock>();
  RateLimiter limiter(10.0, 5.0, clock);
  for (int i = 0; i < 5; ++i) limiter.acquire();
  EXPECT_EQ(clock->total_slept(), Duration{0});
  limiter.acquire();
  EXPECT_EQ(clock->total_slept(), Duration{100});
  clock->advance(Duration{10'000});  // a quiet period refills at most the burst
  for (int i = 0; i < 5; ++i) limiter.acquire();
  EXPECT_EQ(clock->total_slept(), Duration{100});
}

TEST(RateLimiterTest, PauseHoldsEveryone) {
  auto clock = std::make_shared<ManualClock>();
  RateLimiter limiter(100.0, 100.0, clock);
  limiter.pause_for(Duration{3000});
  limiter.acquire();
  EXPECT_EQ(clock->total_slept(), Duration{3000});
}

TEST(RateLimiterTest, SharedAcrossThreadsOnTheSystemClock) {
  RateLimiter limiter(200.0, 1.0, std::make_shared<SystemClock>());
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) limiter.acquire();
    });
  }
  for (auto& thread : threads) thread.join();
  // 40 requests at 200/s after a burst of 1 take at least 39 * 5 ms.
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds{190});
}

TEST(RateLimiterTest, ProcessLimiterIsShared) {
  EXPECT_EQ(process_rate_limiter(5.0).get(), process_rate_limiter(9.0).get());
}

TEST(QueryTest, BuildsEncodedListPaths) {
  ListQuery query;
  query.size = 1000;
  query.from = 0;
  query.sort_field = "date_updated";
  query.sort_direction = "asc";
  query.must.push_back(term_clause("related.id", "a\"b"));
  query.must.push_back(range_clause("date_updated", 5, 9));
  EXPECT_EQ(
      list_path("jobs", query),
      "/jobs?size=1000&from=0&sort_field=date_updated&sort_direction=asc&filter=" +
          url_encode(
              R"({"must":[{"term":{"related.id":"a\"b"}},{"range":{"date_updated":{"gte":5,"lte":9}}}]})"));
  EXPECT_EQ(record_path("jobs", "a/b c"), "/jobs/a%2Fb%20c");
  EXPECT_EQ(url_encode("ü"), "%C3%BC");
}

TEST(Base64Test, EncodesWithPadding) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode(std::string("\xff\x00\x10", 3)), "/wAQ");
}

}  // namespace
}  // namespace gep::jobnimbus

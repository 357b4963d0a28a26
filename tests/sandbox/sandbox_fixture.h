#pragma once
// A sandbox on a free port with a simulated clock, and a plain HTTP client that talks to it the
// way any client would (gep::testing::HttpClient: the test side shares no code with the sandbox).
#include <gtest/gtest.h>
#include "net/http_client.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/clock.h"
#include "sandbox/sandbox_server.h"

namespace gep::sandbox::testing {

inline constexpr int64_t kNow = 1'720'000'000;

inline std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0f]);
    }
  }
  return out;
}

class SandboxFixture : public ::testing::Test {
 protected:
  ManualClock clock{TimePoint{std::chrono::seconds{kNow}}};
  std::unique_ptr<SandboxServer> sandbox;
  std::unique_ptr<gep::testing::HttpClient> client;

  SandboxOptions small_options(int64_t jobs = 200) {
    SandboxOptions options;
    options.jobs = jobs;
    options.seed = 7;
    options.threads = 8;
    return options;
  }

  void start(SandboxOptions options) {
    options.clock = &clock;
    options.port = 0;
    sandbox = std::make_unique<SandboxServer>(std::move(options));
    const auto started = sandbox->start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    client = make_client();
  }

  std::unique_ptr<gep::testing::HttpClient> make_client(const std::string& key = "") const {
    auto c = std::make_unique<gep::testing::HttpClient>("127.0.0.1", sandbox->port());
    c->set_default_headers(
        {{"Authorization", "Bearer " + (key.empty() ? sandbox->api_key() : key)}});
    c->set_read_timeout(10, 0);
    return c;
  }

  // GET that must answer 200 with JSON.
  nlohmann::json get_json(const std::string& path) {
    const auto response = client->Get(path);
    EXPECT_TRUE(response) << path;
    if (!response) return {};
    EXPECT_EQ(response->status, 200) << path << ": " << response->body;
    return nlohmann::json::parse(response->body);
  }

  nlohmann::json list(const std::string& kind, const std::string& query) {
    return get_json("/api1/" + kind + (query.empty() ? "" : "?" + query));
  }

  // The records of one page, by value: a range-for over list(...)["results"] would iterate a
  // destroyed temporary.
  nlohmann::json rows(const std::string& kind, const std::string& query) {
    nlohmann::json page = list(kind, query);
    const char* member =
        kind == "activities" ? "activity" : (kind == "files" ? "files" : "results");
    return page[member];
  }

  static std::string filter_param(const nlohmann::json& filter) {
    return "filter=" + url_encode(filter.dump());
  }
};

}  // namespace gep::sandbox::testing

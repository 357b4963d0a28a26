// `gep jobnimbus ...` end to end (the command as the binary registers it):
// exit codes, output, and the key never printed.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <CLI/CLI.hpp>

#include "app/commands/commands.h"
#include "core/logging.h"
#include "jobnimbus/scripted_server.h"

namespace gep::app {
namespace {

using gep::testing::ScriptedReply;
using gep::testing::ScriptedServer;

constexpr const char* kWrongKey = "wrong-key-5e6f7a8b9c";

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Outcome run_gep(std::vector<std::string> args) {
  CLI::App root{"gep"};
  root.require_subcommand(1);
  CommandRunner run;
  add_jobnimbus_command(root, run);
  std::vector<const char*> argv{"gep"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  root.parse(static_cast<int>(argv.size()), argv.data());
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  Outcome outcome;
  outcome.exit_code = run();
  gep::log::flush();
  std::fflush(stdout);
  std::fflush(stderr);
  outcome.out = ::testing::internal::GetCapturedStdout();
  outcome.err = ::testing::internal::GetCapturedStderr();
  return outcome;
}

struct CommandTest : ::testing::Test {
  ScriptedServer server;
  void SetUp() override {
    ::setenv("GEP_ENV_FILE", "/nonexistent/gep-test.env", 1);
    ::setenv("JOBNIMBUS_BASE_URL", server.base_url().c_str(), 1);
    ::setenv("JOBNIMBUS_API_KEY", kWrongKey, 1);
  }
  void TearDown() override {
    ::unsetenv("JOBNIMBUS_BASE_URL");
    ::unsetenv("JOBNIMBUS_API_KEY");
  }
};

TEST_F(CommandTest, HealthWithAWrongKeyExits1WithoutTheKey) {
  server.set_handler([](const gep::testing::RecordedRequest& request) {
    // Echo the credentials back, as a careless server might.
    return ScriptedReply::http(401, "invalid: " + request.headers.at("authorization"), {},
                               "text/plain");
  });
  const Outcome outcome = run_gep({"jobnimbus", "health"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out.rfind("unauthorized: JobNimbus rejected the API key (401)", 0), 0U)
      << outcome.out;
  EXPECT_EQ((outcome.out + outcome.err).find(kWrongKey), std::string::npos);
  EXPECT_EQ(server.request_count(), 1U);
}

TEST_F(CommandTest, HealthOk) {
  server.enqueue(ScriptedReply::json(R"({"count":1,"results":[{"jnid":"a"}]})"));
  const Outcome outcome = run_gep({"jobnimbus", "health"});
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.out, "ok\n");
}

TEST_F(CommandTest, NoKeySaysHowToSetOne) {
  ::unsetenv("JOBNIMBUS_API_KEY");
  const Outcome outcome = run_gep({"jobnimbus", "health"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err, "JOBNIMBUS_API_KEY is not set; set it in the environment or .env\n");
  EXPECT_EQ(server.request_count(), 0U);
}

TEST_F(CommandTest, JobsAndJobPrintRawJson) {
  server.enqueue(
      ScriptedReply::json(R"({"count":2,"results":[{"jnid":"a","Claim #":"X"},{"jnid":"b"}]})"));
  server.enqueue(ScriptedReply::json(R"({"jnid":"a","name":"Zoë"})"));
  Outcome outcome = run_gep({"jobnimbus", "jobs", "--limit", "2", "--updated-since", "2024-01-01"});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "[{\"jnid\":\"a\",\"Claim #\":\"X\"},\n{\"jnid\":\"b\"}]\n");
  outcome = run_gep({"jobnimbus", "job", "a"});
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.out, "{\"jnid\":\"a\",\"name\":\"Zoë\"}\n");
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].query.at("size"), "2");
  EXPECT_EQ(requests[0].query.at("filter"),
            R"({"must":[{"range":{"date_updated":{"gte":1704067200}}}]})");
  EXPECT_EQ(requests[1].path, "/api1/jobs/a");
}

TEST_F(CommandTest, NotFoundExits1) {
  server.enqueue(ScriptedReply::http(404, R"({"message":"not found"})"));
  const Outcome outcome = run_gep({"jobnimbus", "job", "zzz"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("not_found"), std::string::npos);
}

}  // namespace
}  // namespace gep::app

// --state: an account with its changes, uploads and write log survives a restart.
#include <filesystem>
#include <fstream>

#include "sandbox/file_bytes.h"
#include "sandbox_fixture.h"

namespace gep::sandbox::testing {
namespace {

using nlohmann::json;

class PersistenceTest : public SandboxFixture {
 protected:
  std::string path = (std::filesystem::temp_directory_path() /
                      ("gep-sandbox-state-" + std::to_string(::getpid()) + ".jsonl"))
                         .string();
  void TearDown() override { std::filesystem::remove(path); }
};

TEST_F(PersistenceTest, SavedOnStopLoadedOnStart) {
  auto options = small_options(60);
  options.state_file = path;
  start(options);
  const std::string job = list("jobs", "size=1")["results"][0]["jnid"];
  ASSERT_EQ(client
                ->Post("/api1/files",
                       json{{"data", base64_encode("hello bytes")},
                            {"filename", "Permit.pdf"},
                            {"related", {job}}}
                           .dump(),
                       "application/json")
                ->status,
            200);
  ASSERT_EQ(client->Put("/api1/jobs/" + job, R"({"is_active":false})", "application/json")->status,
            200);
  const std::string jobs_before = sandbox->state().dump(Kind::job, {}, true);
  const std::string files_before = sandbox->state().dump(Kind::file, {}, false);
  sandbox->stop();
  ASSERT_TRUE(std::filesystem::exists(path));

  options.seed = 999;  // ignored: the state file wins over generation
  start(options);
  EXPECT_EQ(sandbox->state().dump(Kind::job, {}, true), jobs_before);
  EXPECT_EQ(sandbox->state().dump(Kind::file, {}, false), files_before);
  EXPECT_EQ(sandbox->state().write_count("POST /files"), 1u);
  EXPECT_EQ(sandbox->state().write_count("PUT /jobs/{jnid}"), 1u);
  EXPECT_EQ(client->Get("/api1/jobs/" + job)->status, 404);
  const std::string upload = sandbox->state().writes()[0].jnid;
  EXPECT_EQ(sandbox->state().file_content(upload)->bytes, "hello bytes");
}

TEST_F(PersistenceTest, ACorruptStateFileIsAnErrorNotACrash) {
  {
    std::ofstream out(path);
    out << "{\"something\":\"else\"}\n";
  }
  auto options = small_options(10);
  options.state_file = path;
  options.clock = &clock;
  SandboxServer server(options);
  const auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("not a gep sandbox state file"), std::string::npos);
}

}  // namespace
}  // namespace gep::sandbox::testing

#include "core/env_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace gep {
namespace {

class EnvFile : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_ =
      (std::filesystem::temp_directory_path() / ("gep-env-" + std::to_string(::getpid()) + ".env"))
          .string();
};

TEST_F(EnvFile, ParsesCommentsQuotesAndExport) {
  const auto values = read_env_file(
      write("# a comment\n\nPORT=4000\nexport LOG_LEVEL=debug\nQUOTED=\"a # not a comment\"\n"
            "SINGLE='x y'\nTRAILING=value # comment\nEMPTY=\n"));
  ASSERT_TRUE(values.ok());
  EXPECT_EQ(values->at("PORT"), "4000");
  EXPECT_EQ(values->at("LOG_LEVEL"), "debug");
  EXPECT_EQ(values->at("QUOTED"), "a # not a comment");
  EXPECT_EQ(values->at("SINGLE"), "x y");
  EXPECT_EQ(values->at("TRAILING"), "value");
  EXPECT_EQ(values->at("EMPTY"), "");
}

TEST_F(EnvFile, MissingFileIsEmpty) {
  const auto values = read_env_file("/nonexistent/gep.env");
  ASSERT_TRUE(values.ok());
  EXPECT_TRUE(values->empty());
}

TEST_F(EnvFile, MalformedLineNamesItsLine) {
  const auto values = read_env_file(write("PORT=1\nthis is not an assignment\n"));
  ASSERT_FALSE(values.ok());
  EXPECT_NE(values.error().message.find(":2: expected KEY=VALUE"), std::string::npos);
}

TEST_F(EnvFile, ProcessEnvironmentWins) {
  std::string entry = "PORT=5000";
  char* block[] = {entry.data(), nullptr};
  const EnvMap merged = merge_environment({{"PORT", "4000"}, {"HOST", "0.0.0.0"}}, block);
  EXPECT_EQ(merged.at("PORT"), "5000");
  EXPECT_EQ(merged.at("HOST"), "0.0.0.0");
}

}  // namespace
}  // namespace gep

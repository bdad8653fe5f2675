// Where tests find the repo, the CLI binary and the real data in ../shared/data.
#pragma once

#include <string>
#include <vector>

namespace chipao::test {

std::string source_dir();  // the repository root
std::string cli_path();    // the built chipao-cli
// ../shared/data, or empty when absent. Tests that need it call GTEST_SKIP() with a message.
std::string shared_data_dir();
std::string shared_data(const std::string& relative);  // empty when absent

// Skips the current test with a message when ../shared/data (or the file) is absent.
#define CHIPAO_REQUIRE_SHARED(var, relative)                                \
  const std::string var = ::chipao::test::shared_data(relative);            \
  if (var.empty())                                                          \
  GTEST_SKIP() << "../shared/data/" << (relative)                           \
               << " is absent: this real-data test needs ../shared beside " \
                  "the checkout"

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the CLI with arguments (each passed as one argv entry, no shell).
CommandResult run_cli(const std::vector<std::string>& args);

// A fresh empty folder under the system temp dir, removed at exit of the test process.
std::string temp_dir(const std::string& tag);

}  // namespace chipao::test

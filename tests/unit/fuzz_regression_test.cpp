// Feeds the fuzz seeds (fuzz/corpus/<target>/) and the inputs kept from fuzzing
// (fuzz/crashes-kept/<target>/) through the same checks as the libFuzzer targets
// (fuzz/invariants.h, fuzz/invariants_files.h), so that a failure found by fuzzing stays fixed once
// it is fixed. Each input is a test of its own, named after the target and the file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/invariants.h"
#include "../../fuzz/invariants_files.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;

using Check = std::string (*)(std::string_view);

struct Target {
  std::string name;
  Check check;
};

const std::vector<Target>& targets() {
  static const std::vector<Target> all{
      {"table_reader", &fuzz::check_table_reader},
      {"number_parse", &fuzz::check_number_parse},
      {"admin_code", &fuzz::check_admin_code},
      {"text_encoding", &fuzz::check_text_encoding},
      {"layer_descriptor", &fuzz::check_layer_descriptor},
      {"registry_descriptor", &fuzz::check_registry_descriptor},
      {"registry_reader", &fuzz::check_registry_reader},
      {"zone_file", &fuzz::check_zone_file},
      {"saved_views", &fuzz::check_saved_views},
  };
  return all;
}

struct FuzzInput {
  std::string target;
  Check check = nullptr;
  fs::path path;
  std::string kind;  // "seed" or "kept"
};

// How GoogleTest names a failing input (instead of a dump of its bytes).
void PrintTo(const FuzzInput& in, std::ostream* os) {
  *os << in.kind << " input " << in.target << "/" << in.path.filename().string();
}

fs::path fuzz_dir() {
  return fs::path(test::source_dir()) / "fuzz";
}

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<FuzzInput> all_inputs() {
  std::vector<FuzzInput> inputs;
  for (const Target& t : targets()) {
    for (const auto& [kind, folder] :
         {std::pair<std::string, std::string>{"seed", "corpus"},
          std::pair<std::string, std::string>{"kept", "crashes-kept"}}) {
      for (const fs::path& p : files_in(fuzz_dir() / folder / t.name))
        inputs.push_back(FuzzInput{t.name, t.check, p, kind});
    }
  }
  return inputs;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string test_name(const ::testing::TestParamInfo<FuzzInput>& info) {
  std::string name = info.param.kind + "_" + info.param.target + "_";
  for (char c : info.param.path.filename().string()) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    name += alnum ? c : '_';
  }
  return name;
}

TEST(FuzzRegression, EveryTargetHasSeeds) {
  for (const Target& t : targets()) {
    EXPECT_FALSE(files_in(fuzz_dir() / "corpus" / t.name).empty())
        << "no seed inputs in " << (fuzz_dir() / "corpus" / t.name);
  }
}

class FuzzInputTest : public ::testing::TestWithParam<FuzzInput> {};

TEST_P(FuzzInputTest, HoldsTheInvariants) {
  const FuzzInput& in = GetParam();
  const std::string bytes = read_bytes(in.path);
  EXPECT_EQ(in.check(bytes), "") << in.target << " input " << in.path << " ("
                                 << fuzz::escaped(bytes) << ")";
}

INSTANTIATE_TEST_SUITE_P(FuzzRegression, FuzzInputTest, ::testing::ValuesIn(all_inputs()),
                         test_name);

}  // namespace
}  // namespace chipao

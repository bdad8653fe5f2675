// chipao-cli info on the repository's demo province: what a fresh clone can show.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_paths.h"

namespace chipao {
namespace {

using nlohmann::json;

json info_json(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"info", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const test::CommandResult r = test::run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(CliInfoDemo, VillagesDeriveTheirTambonAmphoeAndProvince) {
  const json j = info_json({test::source_dir() + "/data/demo/village.shp"});
  EXPECT_EQ(j["level"], "village");
  EXPECT_EQ(j["code_field"], "VILL_IDN");
  EXPECT_EQ(j["parent_units"]["province"], 1);
  EXPECT_EQ(j["parent_units"]["amphoe"], 8);
  EXPECT_EQ(j["parent_units"]["tambon"], 80);
  EXPECT_EQ(j["name_fields"]["th"], "VILL_NM_T");
  EXPECT_EQ(j["encoding_source"], "cpg");
  EXPECT_TRUE(j["bad_codes"].empty());
  EXPECT_TRUE(j["duplicates"].empty());
  EXPECT_EQ(j["invalid_repaired"], 0);
}

TEST(CliInfoDemo, DescriptorOverridesAreReportedAsSuch) {
  const json j = info_json({"--descriptor", test::source_dir() + "/layers/demo_tambon.json"});
  EXPECT_EQ(j["features"], 80);
  EXPECT_EQ(j["level_source"], "descriptor");
  EXPECT_EQ(j["parent_units"]["amphoe"], 8);
  // A flag beats the descriptor.
  const json flagged = info_json({"--descriptor", test::source_dir() + "/layers/demo_tambon.json",
                                  "--encoding", "UTF-8"});
  EXPECT_EQ(flagged["encoding_source"], "flag");
}

TEST(CliInfoDemo, TextOutputNamesWhatWasUnderstood) {
  const test::CommandResult r =
      test::run_cli({"info", "--timings", test::source_dir() + "/data/demo/tambon.shp"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("level      tambon (detected)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("code       tam_code (field)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("encoding   UTF-8 (cpg)"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("time scan"), std::string::npos) << r.err;
}

TEST(CliInfoDemo, UsageErrors) {
  EXPECT_EQ(test::run_cli({}).exit_code, 2);
  EXPECT_EQ(test::run_cli({"frobnicate"}).exit_code, 2);
  const test::CommandResult r = test::run_cli({"info", "--no-such-option", "x.shp"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown option --no-such-option"), std::string::npos);
  EXPECT_EQ(test::run_cli({"info", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace chipao

// A real renumbering: chingchai's districts.geojson numbers Wiang Kao (Khon Kaen) 4026 where
// TPMAP 2561 and HDX use 4029. The join report offers the mapping by name, and --recode makes
// the rows join with every person accounted for (chipao-cli join and project new).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_paths.h"

namespace chipao {
namespace {

using test::run_cli;

TEST(RenumberedJoin, WiangKao4029IsOfferedAndJoinedWithRecode) {
  CHIPAO_REQUIRE_SHARED(districts, "chingchai_opengisdata_thailand/districts.geojson");
  CHIPAO_REQUIRE_SHARED(mask, "tpmap2561_via_newknp/amphur/61_40_amphur_11111.csv");
  CHIPAO_REQUIRE_SHARED(common, "tpmap2561_via_newknp/amphur/61_40_amphur_common.csv");
  const std::string dir = test::temp_dir("renumbered");
  const std::vector<std::string> base = {"join",         "--boundaries", districts, "--table",
                                         mask,           "--table",      common,    "--out",
                                         dir + "/j.csv", "--json"};
  const auto plain = run_cli(base);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const auto before = nlohmann::json::parse(plain.out);
  ASSERT_EQ(before["renumbered"].size(), 1u);
  EXPECT_EQ(before["renumbered"][0]["layer_code"], "4026");
  EXPECT_EQ(before["renumbered"][0]["table_code"], "4029");
  EXPECT_EQ(before["renumbered"][0]["recode"], "4029=4026");
  EXPECT_EQ(before["unmatched_rows"][0]["name"], "เวียงเก่า (Wiang Kao)");
  EXPECT_EQ(before["totals"]["poor.JPT.MOFval.CNT"]["unmatched"], 549);
  EXPECT_EQ(before["totals"]["HOUSEMEMBER_CNT"]["unmatched"], 15023);

  std::vector<std::string> recoded = base;
  recoded.insert(recoded.end(), {"--recode", "4029=4026"});
  const auto fixed = run_cli(recoded);
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  const auto after = nlohmann::json::parse(fixed.out);
  EXPECT_TRUE(after["renumbered"].empty());
  EXPECT_TRUE(after["unmatched_rows"].empty());
  EXPECT_EQ(after["recoded"].size(), 2u);  // the row of each table
  EXPECT_EQ(after["matched"], before["matched"].get<int>() + 1);
  EXPECT_EQ(after["totals"]["poor.JPT.MOFval.CNT"]["joined"], 25637);
  EXPECT_EQ(after["totals"]["poor.JPT.MOFval.CNT"]["unmatched"], 0);
  EXPECT_TRUE(after["balanced"].get<bool>());

  const auto project =
      run_cli({"project", "new", dir + "/p.chipao", "--boundaries", districts, "--table", mask,
               "--table", common, "--recode", "4029=4026", "--json"});
  ASSERT_EQ(project.exit_code, 0) << project.err;
  const auto stored = nlohmann::json::parse(project.out)["join_report"];
  EXPECT_EQ(stored["recoded"].size(), 2u);
  EXPECT_TRUE(stored["unmatched_rows"].empty());

  const auto bad = run_cli({"join", "--boundaries", districts, "--table", mask, "--out",
                            dir + "/x.csv", "--recode", "4029=40"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--recode 4029=40"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace chipao

// chipao-cli households on the demo registries and on bad inputs: the real binary, its JSON,
// its exit codes, and that no output ever holds a national ID or a house ID.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/stats/national_id.h"
#include "support/test_paths.h"

using chipao::test::CommandResult;
using chipao::test::run_cli;
using nlohmann::json;

namespace {

std::string repo(const std::string& relative) {
  return chipao::test::source_dir() + "/" + relative;
}

std::vector<std::string> demo_args() {
  return {"households",
          "--registry",
          repo("layers/registries/demo_jpt.json"),
          "--registry",
          repo("layers/registries/demo_pppconnext.json"),
          "--registry",
          repo("layers/registries/demo_thaiqm.json"),
          "--boundaries",
          repo("data/demo/village.shp")};
}

CommandResult run(std::vector<std::string> extra) {
  std::vector<std::string> args = demo_args();
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

std::string write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string valid_id(int n) {
  const std::string first12 = fmt::format("3990100{:05d}", n);
  return first12 + std::to_string(chipao::national_id_check_digit(first12));
}

// A run of 11 or more digits that is not the fraction of a number: a house ID (11) or a
// national ID (13), whole. (H, A and M0 print 16 digits after a point.)
const std::regex kIdRun(R"((^|[^.\d])\d{11,})");

TEST(HouseholdsCli, DemoReportFindsEveryAnomaly) {
  const CommandResult r = run({"--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["sources"].size(), 3u);
  EXPECT_EQ(j["sources"][0]["name"], "jpt");
  EXPECT_EQ(j["sources"][1]["households"], 5540);
  EXPECT_EQ(j["sources"][1]["rows"], 20709);
  EXPECT_EQ(j["sources"][2]["encoding"], "CP874");
  EXPECT_EQ(j["households"], 13871);
  EXPECT_EQ(j["overlap"]["in_two_or_more"], 2701);
  EXPECT_EQ(j["overlap"]["in_one"], 13871 - 2701);
  EXPECT_EQ(j["conflicts"]["count"], 6);
  EXPECT_EQ(j["conflicts"]["households"], 6);
  EXPECT_EQ(j["conflicts"]["by_field"]["members"], 2);
  EXPECT_EQ(j["invalid_ids"]["count"], 3);
  EXPECT_EQ(j["unknown_villages"]["count"], 2);
  for (const json& i : j["invalid_ids"]["listed"]) {
    EXPECT_TRUE(i["value"].get<std::string>().starts_with("x-xxxx-xxxxx-")) << i.dump();
    EXPECT_NE(i["message"].get<std::string>().find(", column "), std::string::npos);
  }
  std::set<std::string> unknown;
  for (const json& i : j["unknown_villages"]["listed"]) unknown.insert(i["value"]);
  EXPECT_EQ(unknown, (std::set<std::string>{"99021119", "99040123"}));
  // Tambon areas (the default level) add up to the households.
  long households = 0, persons = 0;
  for (const json& a : j["areas"]) {
    EXPECT_EQ(a["code"].get<std::string>().size(), 6u);
    households += a["households"].get<long>();
    persons += a["persons"].get<long>();
    long by = 0;
    for (const json& n : a["by_dimensions_count"]) by += n.get<long>();
    EXPECT_EQ(by, a["persons"].get<long>());
    const double h = a["H"], av = a["A"], m0 = a["M0"];
    EXPECT_NEAR(m0, h * av, 1e-12);
  }
  EXPECT_EQ(households, 13871);
  EXPECT_EQ(persons, j["persons"].get<long>());
}

// Every string and whole number of a JSON document, with no run of 11 or more digits.
void expect_no_id(const json& x, const std::string& where) {
  static const std::regex run(R"(\d{11,})");
  if (x.is_string()) {
    EXPECT_FALSE(std::regex_search(x.get<std::string>(), run)) << where << ": " << x;
  } else if (x.is_number_integer()) {
    EXPECT_LT(std::abs(x.get<long long>()), 10'000'000'000LL) << where;
  } else if (x.is_object()) {
    for (const auto& [key, value] : x.items()) {
      EXPECT_FALSE(std::regex_search(key, run)) << where << ": key " << key;
      expect_no_id(value, where + "/" + key);
    }
  } else if (x.is_array()) {
    for (std::size_t i = 0; i < x.size(); ++i) expect_no_id(x[i], where + "/" + std::to_string(i));
  }
}

TEST(HouseholdsCli, NoOutputHoldsAnId) {
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--json"}, std::vector<std::string>{},
        std::vector<std::string>{"--json", "--level", "village"}}) {
    const CommandResult r = run(extra);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    EXPECT_FALSE(std::regex_search(r.out, m, kIdRun)) << "found " << m.str();
    EXPECT_FALSE(std::regex_search(r.err, m, kIdRun)) << "found " << m.str();
    if (extra.empty()) {
      // The text report prints ratios with three decimals: no digit run is excused.
      EXPECT_FALSE(std::regex_search(r.out, m, std::regex(R"(\d{11,})"))) << m.str();
    } else {
      expect_no_id(json::parse(r.out), "");
    }
  }
}

TEST(HouseholdsCli, TheSaltNeverShowsAndNeverChangesTheFigures) {
  const std::string salt = "00112233445566778899aabbccddeeff";
  const CommandResult a = run({"--json", "--salt", salt});
  const CommandResult b = run({"--json", "--salt", "ffeeddccbbaa99887766554433221100"});
  const CommandResult c = run({"--json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out.find(salt), std::string::npos);
  json ja = json::parse(a.out), jb = json::parse(b.out), jc = json::parse(c.out);
  EXPECT_EQ(ja["salt"], "given");
  EXPECT_EQ(jc["salt"], "generated");
  ja.erase("salt");
  jb.erase("salt");
  jc.erase("salt");
  EXPECT_EQ(ja, jb);
  EXPECT_EQ(ja, jc);
}

TEST(HouseholdsCli, LevelsMaskCutoffAndSuppression) {
  const CommandResult amphoe =
      run({"--json", "--level", "amphoe", "--mask", "10100", "--k", "1/2"});
  ASSERT_EQ(amphoe.exit_code, 0) << amphoe.err;
  const json j = json::parse(amphoe.out);
  EXPECT_EQ(j["areas"].size(), 8u);
  EXPECT_EQ(j["mask"], "10100");
  EXPECT_EQ(j["poor_from_dimensions"], 1);
  for (const json& a : j["areas"]) {
    EXPECT_TRUE(a["in_boundaries"].is_boolean());
    // With two dimensions and k = 1/2, the poor are exactly those deprived in either.
    EXPECT_EQ(a["poor"], a["mask_count"]);
  }

  const CommandResult s = run({"--json", "--level", "village", "--suppress-below", "20"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const json v = json::parse(s.out);
  std::size_t nulls = 0;
  std::function<void(const json&)> check = [&](const json& x) {
    if (x.is_null()) ++nulls;
    if (x.is_number_integer()) {
      const long n = x.get<long>();
      EXPECT_TRUE(n == 0 || n >= 20) << n;
    }
    if (x.is_structured()) {
      for (const json& y : x) check(y);
    }
  };
  for (const json& a : v["areas"]) check(a);
  EXPECT_GT(nulls, 0u);
  // An unknown village shows as an area of its own, marked.
  bool marked = false;
  for (const json& a : v["areas"])
    marked = marked || (a["code"] == "99021119" && !a["in_boundaries"]);
  EXPECT_TRUE(marked);

  const CommandResult text = run({"--suppress"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("Areas by tambon"), std::string::npos);
  EXPECT_NE(text.out.find("Conflicts    6 in 6 households"), std::string::npos) << text.out;
}

TEST(HouseholdsCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli({"households"}).exit_code, 2);
  EXPECT_EQ(run({"--mask", "00000"}).exit_code, 2);
  EXPECT_EQ(run({"--mask", "111"}).exit_code, 2);
  EXPECT_EQ(run({"--k", "0"}).exit_code, 2);
  EXPECT_EQ(run({"--k", "abc"}).exit_code, 2);
  EXPECT_EQ(run({"--level", "region"}).exit_code, 2);
  EXPECT_EQ(run({"--salt", "xyz"}).exit_code, 2);
  EXPECT_EQ(run({"--suppress-below", "-1"}).exit_code, 2);
  EXPECT_EQ(run({"--bogus"}).exit_code, 2);
  EXPECT_EQ(run({"stray"}).exit_code, 2);
  const CommandResult help = run_cli({"households", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--registry DESC"), std::string::npos);
}

// Bad inputs: each a one-line message on stderr naming file, row and column, exit 1; or a
// reported (not fatal) problem naming them.
class HouseholdsBadInput : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = chipao::test::temp_dir("households-bad"); }

  std::string registry(const std::string& csv, const std::string& columns = R"(
      "columns": {"house_id": "house_id", "village_code": "village_code",
                  "national_ids": "member_ids"},
      "dimensions": {"health": "health"},
      "indicators": {"columns": {"1": "ind1"}})") {
    write(dir_ + "/r.csv", csv);
    return write(dir_ + "/r.json", "{\"name\": \"r\", \"source\": \"r.csv\"," + columns + "}");
  }

  std::string dir_;
};

TEST_F(HouseholdsBadInput, MissingKeyColumn) {
  const std::string desc = registry(
      "house,village_code,member_ids,health,ind1\n"
      "99010000001,99010101,,1,0\n");
  const CommandResult r = run_cli({"households", "--registry", desc});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir_ + "/r.csv: line 1 (the header): no column \"house_id\""),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(HouseholdsBadInput, NonNumericIndicatorCount) {
  const std::string desc = registry(
      "house_id,village_code,member_ids,health,ind1\n"
      "99010000001,99010101,,1,0\n"
      "99010000002,99010101,,1,two\n");
  const CommandResult r = run_cli({"households", "--registry", desc});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir_ + "/r.csv: line 3, column ind1: 'two' is not a count"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(HouseholdsBadInput, InvalidCheckDigitIsReportedNotFatal) {
  std::string bad = valid_id(7);
  bad.back() = bad.back() == '9' ? '0' : static_cast<char>(bad.back() + 1);
  const std::string desc =
      registry("house_id,village_code,member_ids,health,ind1\n" +
               fmt::format("99010000001,99010101,{}|{},1,0\n", valid_id(1), bad));
  const CommandResult r = run_cli({"households", "--registry", desc, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(bad), std::string::npos);
  EXPECT_EQ(r.out.find(valid_id(1)), std::string::npos);
  const json j = json::parse(r.out);
  ASSERT_EQ(j["invalid_ids"]["count"], 1);
  const json& i = j["invalid_ids"]["listed"][0];
  EXPECT_EQ(i["file"], dir_ + "/r.csv");
  EXPECT_EQ(i["line"], 2);
  EXPECT_EQ(i["column"], "member_ids");
  EXPECT_EQ(i["value"], chipao::mask_national_id(bad));
  EXPECT_EQ(j["persons"], 2);  // the person counts; the ID links nothing

  const CommandResult text = run_cli({"households", "--registry", desc});
  EXPECT_NE(text.out.find(dir_ + "/r.csv: line 2, column member_ids: national ID x-xxxx-xxxxx-"),
            std::string::npos)
      << text.out;
}

TEST_F(HouseholdsBadInput, VillageInNoBoundaryLayer) {
  const std::string desc = registry(
      "house_id,village_code,member_ids,health,ind1\n"
      "99010000001,99010101,,1,0\n"
      "99010000002,99019901,,1,0\n");
  const CommandResult r =
      run_cli({"households", "--registry", desc, "--boundaries", repo("layers/demo_village.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Villages in no boundary layer: 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(dir_ + "/r.csv: line 3, column village_code: village code 99019901"),
            std::string::npos)
      << r.out;
}

TEST_F(HouseholdsBadInput, UnusableFilesExitOne) {
  EXPECT_EQ(run_cli({"households", "--registry", dir_ + "/absent.json"}).exit_code, 1);
  const std::string desc = write(dir_ + "/x.json", R"({"source": "absent.csv",
      "columns": {"house_id": "h", "village_code": "v"}, "dimensions": {"income": "i"}})");
  const CommandResult r = run_cli({"households", "--registry", desc});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("absent.csv: cannot be opened"), std::string::npos) << r.err;
  const CommandResult b =
      run_cli({"households", "--registry", repo("layers/registries/demo_jpt.json"), "--boundaries",
               dir_ + "/absent.shp"});
  EXPECT_EQ(b.exit_code, 1);
}

}  // namespace

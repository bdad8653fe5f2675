// The project-editing commands of chipao-cli on the demo province, each one edit that undo
// takes back: a municipal assignment joins the kept tables again (990101, a tambon without
// figures of its own, receives municipal area 990151's figures, and loses them on undo);
// zones are painted, renamed, recoloured, locked and deleted; interventions are added (their
// households defaulting to the zone's deprived households from TPMAP's single-dimension
// table), listed and removed; the budget cap, the catalogue and the settings change. Every
// check runs a fresh chipao-cli, so each reads the project back from the file.
//
// Expected figures come from the demo's CSV files, read here directly.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_paths.h"

namespace chipao {
namespace {

using nlohmann::json;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

// One cell of a demo TPMAP CSV: the row whose first (key) column is `code`.
double csv_value(const std::string& file, const std::string& code, const std::string& column) {
  std::ifstream in(demo("tpmap/" + file));
  std::string line;
  std::vector<std::string> header;
  auto split = [](const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string cell; std::getline(s, cell, ',');) {
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      if (cell.size() >= 2 && cell.front() == '"') cell = cell.substr(1, cell.size() - 2);
      out.push_back(cell);
    }
    return out;
  };
  std::getline(in, line);
  header = split(line);
  while (std::getline(in, line)) {
    const auto cells = split(line);
    if (cells.empty() || cells[0] != code) continue;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == column) return std::stod(cells.at(i));
  }
  ADD_FAILURE() << file << " has no " << column << " for " << code;
  return 0;
}

json run_json(const std::vector<std::string>& args) {
  auto with_json = args;
  with_json.push_back("--json");
  const auto r = test::run_cli(with_json);
  std::string command;
  for (const auto& a : args) command += a + " ";
  EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json();
}

std::string new_project(const std::string& tag, bool income_table) {
  const std::string path = test::temp_dir(tag) + "/demo.chipao";
  std::vector<std::string> args{"project",
                                "new",
                                path,
                                "--boundaries",
                                demo("tambon.shp"),
                                "--table",
                                demo("tpmap/61_99_tambol_11111.csv"),
                                "--table",
                                demo("tpmap/61_99_tambol_common.csv")};
  if (income_table) {
    args.push_back("--table");
    args.push_back(demo("tpmap/61_99_tambol_00010.csv"));
  }
  const auto r = test::run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return path;
}

// The unit's entry of `project figures --code`.
json unit_figures(const std::string& project, const std::string& code) {
  const json j = run_json({"project", "figures", project, "--code", code});
  EXPECT_EQ(j["units"].size(), 1u);
  return j["units"][0];
}

// The figure of `unit` whose column is `base` (possibly qualified "@table"); null if none.
json figure(const json& unit, const std::string& base) {
  for (const auto& [name, value] : unit["figures"].items())
    if (name.substr(0, name.find('@')) == base) return value;
  ADD_FAILURE() << "no column " << base;
  return nullptr;
}

bool suggests(const json& report, const std::string& municipal, const std::string& tambon) {
  for (const json& s : report["municipal_suggestions"]) {
    if (s["municipal"] != municipal) continue;
    for (const json& t : s["suggested_tambons"])
      if (t == tambon) return true;
  }
  return false;
}

TEST(ProjectEditCli, AssignmentJoinsFiguresAgainAndUndoTakesThemBack) {
  const std::string project = new_project("edit_assign", false);
  const std::string target = "poor.JPT.MOFval.CNT";
  const double municipal = csv_value("61_99_tambol_11111.csv", "990151", target);
  ASSERT_GT(municipal, 0);

  json before = run_json({"project", "figures", project, "--code", "990101"});
  EXPECT_TRUE(before["rejoinable"]);
  EXPECT_FALSE(before["units"][0]["has_figures"]);
  EXPECT_TRUE(figure(before["units"][0], target).is_null());
  EXPECT_TRUE(suggests(before["join_report"], "990151", "990101"));

  const json assigned = run_json({"project", "assign", project, "990151=990101"});
  EXPECT_EQ(assigned["history"]["length"], 1);
  json after = run_json({"project", "figures", project, "--code", "990101"});
  const json unit = after["units"][0];
  EXPECT_TRUE(unit["has_figures"]);
  EXPECT_EQ(figure(unit, target), municipal);
  EXPECT_NE(unit["assigned_from"].get<std::string>().find("990151"), std::string::npos);
  EXPECT_TRUE(after["join_report"]["balanced"]);
  EXPECT_FALSE(suggests(after["join_report"], "990151", "990101"));
  ASSERT_EQ(after["join_report"]["assigned"].size(), 1u);
  EXPECT_EQ(after["join_report"]["assigned"][0]["municipal"], "990151");
  EXPECT_EQ(run_json({"project", "info", project})["assignments"].size(), 1u);

  ASSERT_EQ(test::run_cli({"project", "undo", project}).exit_code, 0);
  const json undone = unit_figures(project, "990101");
  EXPECT_FALSE(undone["has_figures"]);
  EXPECT_EQ(undone["assigned_from"], "");
  EXPECT_EQ(run_json({"project", "info", project})["assignments"].size(), 0u);
  EXPECT_EQ(run_json({"project", "figures", project, "--code", "990101"})["join_report"],
            before["join_report"]);

  ASSERT_EQ(test::run_cli({"project", "redo", project}).exit_code, 0);
  EXPECT_EQ(run_json({"project", "figures", project, "--code", "990101"}), after);

  // Unassign is an edit of its own, back to the state before the assignment.
  run_json({"project", "unassign", project, "990151"});
  EXPECT_EQ(run_json({"project", "figures", project, "--code", "990101"})["join_report"],
            before["join_report"]);
  EXPECT_EQ(run_json({"project", "history", project})["length"], 2);

  const auto foreign = test::run_cli({"project", "assign", project, "990151=990201"});
  EXPECT_EQ(foreign.exit_code, 1);
  EXPECT_NE(foreign.err.find("990201"), std::string::npos) << foreign.err;
  const auto missing = test::run_cli({"project", "unassign", project, "990451"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("990451 is not assigned"), std::string::npos) << missing.err;
  EXPECT_EQ(run_json({"project", "history", project})["length"], 2);
}

TEST(ProjectEditCli, ZonesArePaintedChangedAndUndone) {
  const std::string project = new_project("edit_zones", false);
  const json made =
      run_json({"zones", "paint", project, "--zone", "เขตเร่งด่วน", "--units", "990102,990103"});
  EXPECT_TRUE(made["created"]);
  run_json({"zones", "paint", project, "--zone", "เขตติดตาม", "--units", "990103"});
  json zones = run_json({"zones", "list", project})["zones"];
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0]["name"], "เขตเร่งด่วน");
  EXPECT_EQ(zones[0]["units"], json({"990102"}));  // 990103 moved to the second zone
  EXPECT_EQ(zones[1]["units"], json({"990103"}));
  EXPECT_EQ(zones[1]["kind"], "painted");

  run_json({"zones", "rename", project, "1", "เขตพัฒนาอาชีพ"});
  run_json({"zones", "color", project, "เขตพัฒนาอาชีพ", "#112233"});
  run_json({"zones", "lock", project, "1"});
  zones = run_json({"zones", "list", project})["zones"];
  EXPECT_EQ(zones[0]["name"], "เขตพัฒนาอาชีพ");
  EXPECT_EQ(zones[0]["color"], "#112233");
  EXPECT_TRUE(zones[0]["locked"]);

  const auto refused = test::run_cli({"zones", "rename", project, "1", "x"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("locked"), std::string::npos) << refused.err;
  const auto unknown = test::run_cli({"zones", "delete", project, "เขตไม่มี"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no zone 'เขตไม่มี'"), std::string::npos) << unknown.err;
  const auto bad_unit =
      test::run_cli({"zones", "paint", project, "--zone", "2", "--units", "990199"});
  EXPECT_EQ(bad_unit.exit_code, 1);
  EXPECT_NE(bad_unit.err.find("990199"), std::string::npos) << bad_unit.err;
  const auto bad_colour = test::run_cli({"zones", "color", project, "2", "red"});
  EXPECT_EQ(bad_colour.exit_code, 1);
  EXPECT_NE(bad_colour.err.find("#RRGGBB"), std::string::npos) << bad_colour.err;

  run_json({"zones", "unlock", project, "1"});
  run_json({"zones", "delete", project, "เขตติดตาม"});
  EXPECT_EQ(run_json({"zones", "list", project})["zones"].size(), 1u);
  ASSERT_EQ(test::run_cli({"project", "undo", project}).exit_code, 0);
  zones = run_json({"zones", "list", project})["zones"];
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[1]["name"], "เขตติดตาม");

  const json history = run_json({"project", "history", project});
  EXPECT_EQ(history["length"], 7);
  EXPECT_EQ(history["position"], 6);
  EXPECT_FALSE(history["edits"][6]["done"]);
  EXPECT_EQ(history["edits"][0]["summary"], "create zone 1 'เขตเร่งด่วน'");
}

TEST(ProjectEditCli, InterventionsBudgetAndCatalogue) {
  const std::string project = new_project("edit_plan", true);
  run_json({"zones", "paint", project, "--zone", "เขตรายได้", "--units", "990102,990103"});
  const double deprived = csv_value("61_99_tambol_00010.csv", "990102", "poor.household.CNT") +
                          csv_value("61_99_tambol_00010.csv", "990103", "poor.household.CNT");

  const json added =
      run_json({"plan", "add", project, "--zone", "เขตรายได้", "--catalogue",
                "income-occupation-training", "--start", "1/10/2569", "--end", "30/9/2570"});
  EXPECT_EQ(added["households"], deprived);
  // Health has no single-dimension table in this project: the households must be given.
  const auto no_default = test::run_cli({"plan", "add", project, "--zone", "1", "--dimension",
                                         "health", "--unit-cost", "500", "--agency", "สสอ."});
  EXPECT_EQ(no_default.exit_code, 1);
  EXPECT_NE(no_default.err.find("--households"), std::string::npos) << no_default.err;
  EXPECT_NE(no_default.err.find("เขตรายได้"), std::string::npos) << no_default.err;
  run_json({"plan", "add", project, "--zone", "1", "--dimension", "health", "--unit-cost", "500",
            "--agency", "สำนักงานสาธารณสุขอำเภอ", "--households", "12", "--status", "approved"});

  json plan = run_json({"plan", "list", project});
  ASSERT_EQ(plan["interventions"].size(), 2u);
  const json first = plan["interventions"][0];
  EXPECT_EQ(first["zone_name"], "เขตรายได้");
  EXPECT_EQ(first["catalogue"], "income-occupation-training");
  EXPECT_EQ(first["start"], "1/10/2569");
  EXPECT_EQ(first["end"], "30/9/2570");
  EXPECT_EQ(first["households"], deprived);
  const json second = plan["interventions"][1];
  EXPECT_EQ(second["agency"], "สำนักงานสาธารณสุขอำเภอ");
  EXPECT_EQ(second["status"], "approved");
  EXPECT_EQ(second["cost_baht"], 6000.0);
  EXPECT_EQ(plan["total_cost_baht"],
            first["households"].get<double>() * first["unit_cost_baht"].get<double>() + 6000.0);

  run_json({"plan", "budget", project, "--cap", "1000"});
  plan = run_json({"plan", "list", project});
  EXPECT_EQ(plan["budget_cap_baht"], 1000.0);
  EXPECT_TRUE(plan["over_budget"]);

  run_json({"plan", "catalogue-add", project, "--id", "income-rice-mill", "--name-th",
            "โรงสีข้าวชุมชน", "--name-en", "Community rice mill", "--dimension", "income",
            "--agency-th", "สำนักงานเกษตรอำเภอ", "--agency-en", "District agriculture office",
            "--unit-cost", "2,500"});
  bool found = false;
  const json catalogue = run_json({"plan", "catalogue", project});
  for (const json& c : catalogue["catalogue"]) {
    if (c["id"] != "income-rice-mill") continue;
    found = true;
    EXPECT_EQ(c["name_th"], "โรงสีข้าวชุมชน");
    EXPECT_EQ(c["unit_cost_baht"], 2500.0);
  }
  EXPECT_TRUE(found);

  run_json({"plan", "remove", project, "1"});
  EXPECT_EQ(run_json({"plan", "list", project})["interventions"].size(), 1u);
  ASSERT_EQ(test::run_cli({"project", "undo", project}).exit_code, 0);
  plan = run_json({"plan", "list", project});
  ASSERT_EQ(plan["interventions"].size(), 2u);
  EXPECT_EQ(plan["interventions"][0], first);
  const auto missing = test::run_cli({"plan", "remove", project, "9"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("intervention 9 does not exist"), std::string::npos) << missing.err;
}

TEST(ProjectEditCli, SettingsAreValidatedAndOneEditEach) {
  const std::string project = new_project("edit_settings", false);
  run_json({"project", "set", project, "suppress", "5"});
  run_json({"project", "set", project, "language", "en"});
  run_json({"project", "set", project, "amphoe", "9901"});
  json settings = run_json({"project", "info", project})["settings"];
  EXPECT_EQ(settings["suppression_threshold"], "5");
  EXPECT_EQ(settings["language"], "en");
  EXPECT_EQ(settings["opening_amphoe"], "9901");
  EXPECT_FALSE(settings.contains("id_salt"));

  for (const auto& [name, value] : std::map<std::string, std::string>{
           {"suppress", "-1"}, {"language", "fr"}, {"amphoe", "9999"}, {"colour", "x"}}) {
    const auto r = test::run_cli({"project", "set", project, name, value});
    EXPECT_EQ(r.exit_code, 1) << name;
    EXPECT_NE(r.err.find(name == "colour" ? name : value), std::string::npos) << r.err;
  }
  EXPECT_EQ(run_json({"project", "history", project})["length"], 3);
  ASSERT_EQ(test::run_cli({"project", "undo", project}).exit_code, 0);
  ASSERT_EQ(test::run_cli({"project", "undo", project}).exit_code, 0);
  settings = run_json({"project", "info", project})["settings"];
  EXPECT_EQ(settings["language"], "th");
  EXPECT_FALSE(settings.contains("opening_amphoe"));
  EXPECT_EQ(settings["suppression_threshold"], "5");
}

}  // namespace
}  // namespace chipao

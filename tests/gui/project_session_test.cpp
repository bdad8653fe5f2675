// The app's open project (app/project_session.h), CPU only (no window, no GL): opening the demo
// province made with chipao-cli project new, its worker loading the unit layer; painting two
// tambons into a zone gives a tally whose target poor is the sum of the two tambons' figures
// and whose share is that sum over the amphoe's; the tool's preview tallies a stroke before
// any edit; undo and redo move the tally back and forth; a locked zone refuses edits with a
// message; a reopened session has the edits and their history. With TPMAP's income-only
// table joined beside the all-dimensions one (issue 11), the session's figures are the
// export's, and an intervention's default households are the zone's deprived households.
//
// Expected figures come from the demo's TPMAP CSV, read here with a tiny parser.
#include "app/project_session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/plan_panel.h"
#include "core/plan/plan_export.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

constexpr const char* kTarget = "poor.JPT.MOFval.CNT";
const std::string kTable = "/data/demo/tpmap/61_99_tambol_11111.csv";

// Column `column` of a demo table (`table`, from the source root), per code (first column),
// for rows whose code starts with `prefix`.
std::map<std::string, double> csv_column(const std::string& table, const std::string& column,
                                         const std::string& prefix) {
  std::ifstream in(test::source_dir() + table);
  auto split = [](const std::string& line) {
    std::vector<std::string> out;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) {
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      if (cell.size() >= 2 && cell.front() == '"') cell = cell.substr(1, cell.size() - 2);
      out.push_back(cell);
    }
    return out;
  };
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  const auto at = std::find(header.begin(), header.end(), column);
  EXPECT_NE(at, header.end()) << table << " has no column " << column;
  const auto index = static_cast<std::size_t>(at - header.begin());
  std::map<std::string, double> values;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    if (cells.size() > index && cells[0].starts_with(prefix))
      values[cells[0]] = std::stod(cells[index]);
  }
  return values;
}

std::map<std::string, double> csv_column(const std::string& column, const std::string& prefix) {
  return csv_column(kTable, column, prefix);
}

std::string demo_project(const std::string& tag) {
  const std::string path = test::temp_dir(tag) + "/demo.chipao";
  const auto made = test::run_cli({"project", "new", path, "--boundaries",
                                   test::source_dir() + "/data/demo/tambon.shp", "--table",
                                   test::source_dir() + kTable});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  return path;
}

// Takes what the worker hands over until it is done (a frame loop without frames). The bound
// only stops a hung worker from hanging the test; it is not a speed check.
std::vector<LoadedLayer> wait_loaded(ProjectSession& session) {
  std::vector<LoadedLayer> layers;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (session.loading() && std::chrono::steady_clock::now() < give_up) {
    for (LoadedLayer& l : session.take_layers()) layers.push_back(std::move(l));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_FALSE(session.loading()) << "the worker never finished";
  return layers;
}

double target_poor(const ZoneTally* tally) {
  if (!tally) return std::nan("");
  const ZoneTally::Figure* f = tally->figure(kTarget);
  return f ? f->value : std::nan("");
}

// The edit a builder made; a failure is reported and gives an edit that changes nothing.
Edit must(Result<Edit> edit) {
  if (!edit) {
    ADD_FAILURE() << edit.error().message;
    return {};
  }
  return std::move(*edit);
}

// Creates an empty painted zone (made active) and returns its id.
std::int64_t create_painted_zone(ProjectSession& session, const std::string& name) {
  Zone zone;
  zone.name = name;
  zone.kind = ZoneKind::painted;
  auto applied = session.apply(must(make_create_zone(session.state(), zone)), /*activate=*/true);
  EXPECT_TRUE(applied) << applied.error().message;
  return session.active_zone();
}

// Amphoe 9902 has no municipal area, so its target poor is the same whether counted over the
// input table's rows or over the layer's tambons.
const std::string kAmphoe = "9902";
const std::vector<std::string> kTwo{"990202", "990203"};

TEST(ProjectSession, OpensTheDemoProjectAndLoadsItsUnitLayerOnTheWorker) {
  const std::string path = demo_project("session_open");
  auto session = ProjectSession::open(path, {});
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_EQ((*session)->path(), path);
  const auto layers = wait_loaded(**session);
  EXPECT_TRUE((*session)->take_errors().empty());
  ASSERT_EQ(layers.size(), 1u);
  EXPECT_EQ(layers[0].data.features.size(), 80u);
  EXPECT_GT(layers[0].mesh.vertex_count(), 0u) << "the map's mesh is built on the worker";
  const UnitLayerData* units = (*session)->units();
  ASSERT_NE(units, nullptr);
  EXPECT_EQ(units->name, "tambon");
  EXPECT_EQ(units->layer.features.size(), 80u);
  EXPECT_NE((*session)->tool_units(), nullptr);
  EXPECT_TRUE((*session)->state().zones.empty());
}

TEST(ProjectSession, PaintedTallyIsTheSumOfItsTambonsAndUndoRedoMoveIt) {
  const auto poor = csv_column(kTarget, kAmphoe);
  ASSERT_TRUE(poor.contains(kTwo[0]) && poor.contains(kTwo[1]));
  const double expected = poor.at(kTwo[0]) + poor.at(kTwo[1]);
  double amphoe_total = 0;
  for (const auto& [code, value] : poor) amphoe_total += value;
  ASSERT_GT(expected, 0);

  const std::string path = demo_project("session_paint");
  auto opened = ProjectSession::open(path, {});
  ASSERT_TRUE(opened) << opened.error().message;
  ProjectSession& session = **opened;
  wait_loaded(session);

  const std::int64_t id = create_painted_zone(session, "เขตทดสอบ");
  ASSERT_GT(id, 0);
  auto paint = make_paint_units(session.state(), id, kTwo);
  ASSERT_TRUE(paint) << paint.error().message;
  const int before = session.revision();
  ASSERT_TRUE(session.apply(std::move(*paint)));
  EXPECT_GT(session.revision(), before);
  session.sync();
  const ZoneTally* tally = session.tally(id);
  ASSERT_NE(tally, nullptr);
  EXPECT_EQ(tally->rule, TallyRule::painted);
  EXPECT_EQ(tally->units.size(), 2u);
  EXPECT_DOUBLE_EQ(target_poor(tally), expected);
  EXPECT_NEAR(tally->share_of_amphoe_target_poor, expected / amphoe_total, 1e-12);
  ASSERT_EQ(tally->amphoe_shares.size(), 1u);
  EXPECT_EQ(tally->amphoe_shares[0].amphoe, kAmphoe);
  EXPECT_DOUBLE_EQ(tally->amphoe_shares[0].amphoe_target_poor, amphoe_total);

  // The paint tool's stroke in progress is tallied live, before it is an edit.
  const std::vector<std::string> stroke{"990204"};
  ASSERT_TRUE(poor.contains(stroke[0]));
  const std::size_t edits = session.history().size();
  session.set_preview(std::nullopt, 0, stroke, /*tool_revision=*/1);
  EXPECT_DOUBLE_EQ(target_poor(session.tally(id)), expected + poor.at(stroke[0]));
  EXPECT_EQ(session.history().size(), edits);
  // A new state drops the preview (the stroke was never applied).
  ASSERT_TRUE(session.undo());
  session.sync();
  const ZoneTally* undone = session.tally(id);
  ASSERT_NE(undone, nullptr) << "the zone is still there, empty";
  EXPECT_TRUE(undone->units.empty());
  EXPECT_FALSE(target_poor(undone) > 0);

  ASSERT_TRUE(session.redo());
  session.sync();
  EXPECT_DOUBLE_EQ(target_poor(session.tally(id)), expected);
  EXPECT_EQ(session.tally(id)->units.size(), 2u);
}

TEST(ProjectSession, ALockedZoneRefusesEditsWithAMessage) {
  const std::string path = demo_project("session_lock");
  auto opened = ProjectSession::open(path, {});
  ASSERT_TRUE(opened) << opened.error().message;
  ProjectSession& session = **opened;
  wait_loaded(session);
  const std::int64_t id = create_painted_zone(session, "ล็อก");
  ASSERT_TRUE(session.apply(must(make_paint_units(session.state(), id, kTwo))));
  ASSERT_TRUE(session.apply(must(make_set_zone_locked(session.state(), id, true))));
  const PlanningState locked_state = session.state();
  const std::size_t edits = session.history().size();

  auto paint = make_paint_units(session.state(), id, {"990204"});
  ASSERT_FALSE(paint);
  EXPECT_NE(paint.error().message.find("locked"), std::string::npos) << paint.error().message;
  EXPECT_NE(paint.error().message.find("ล็อก"), std::string::npos) << "names the zone";
  auto erase = make_erase_units(session.state(), id, {kTwo[0]});
  ASSERT_FALSE(erase);
  EXPECT_NE(erase.error().message.find("unlock"), std::string::npos) << erase.error().message;
  // Painting its unit into another zone would take it from the locked one.
  const std::int64_t other = create_painted_zone(session, "อื่น");
  auto steal = make_paint_units(session.state(), other, {kTwo[1]});
  ASSERT_FALSE(steal);
  EXPECT_NE(steal.error().message.find("locked"), std::string::npos) << steal.error().message;
  EXPECT_EQ(session.history().size(), edits + 1) << "only the other zone's creation";
  EXPECT_EQ(*session.state().zone(id), *locked_state.zone(id));
}

TEST(ProjectSession, AReopenedSessionKeepsTheEditsAndTheirHistory) {
  const auto poor = csv_column(kTarget, kAmphoe);
  const double expected = poor.at(kTwo[0]) + poor.at(kTwo[1]);
  const std::string path = demo_project("session_reopen");
  std::int64_t id = 0;
  std::size_t edits = 0;
  {
    auto opened = ProjectSession::open(path, {});
    ASSERT_TRUE(opened) << opened.error().message;
    wait_loaded(**opened);
    id = create_painted_zone(**opened, "เขตเดิม");
    ASSERT_TRUE((*opened)->apply(must(make_paint_units((*opened)->state(), id, kTwo))));
    edits = (*opened)->history().size();
  }
  auto reopened = ProjectSession::open(path, {});
  ASSERT_TRUE(reopened) << reopened.error().message;
  ProjectSession& session = **reopened;
  wait_loaded(session);
  const Zone* zone = session.state().zone(id);
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->name, "เขตเดิม");
  EXPECT_EQ(zone->unit_codes, kTwo);
  EXPECT_EQ(session.history().size(), edits);
  EXPECT_EQ(session.history().position(), edits);
  session.sync();
  EXPECT_DOUBLE_EQ(target_poor(session.tally(id)), expected);
  // The history came back too: undo after the restart takes the paint back.
  ASSERT_TRUE(session.undo());
  EXPECT_TRUE(session.state().zone(id)->unit_codes.empty());
}

// Issue 11: joining 61_99_tambol_00010.csv (income alone) beside the 11111 table gave every
// shared column an "@table" name; the app read the bare name and showed "–" for target poor
// and the five dimensions, defaulted interventions to 0 households, and had no coverage,
// while the export showed figures. Both now read through core/plan/zone_figures.h.
TEST(ProjectSession, WithTheIncomeTableJoinedTheTallyIsTheExportsFigures) {
  const std::string income_table = "/data/demo/tpmap/61_99_tambol_00010.csv";
  const std::string path = test::temp_dir("session_income_table") + "/demo.chipao";
  const auto made = test::run_cli({"project", "new", path, "--boundaries",
                                   test::source_dir() + "/data/demo/tambon.shp", "--table",
                                   test::source_dir() + kTable, "--table",
                                   test::source_dir() + "/data/demo/tpmap/61_99_tambol_common.csv",
                                   "--table", test::source_dir() + income_table});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto opened = ProjectSession::open(path, {});
  ASSERT_TRUE(opened) << opened.error().message;
  ProjectSession& session = **opened;
  wait_loaded(session);
  const std::int64_t id = create_painted_zone(session, "เขตรายได้");
  ASSERT_TRUE(session.apply(must(make_paint_units(session.state(), id, kTwo))));
  session.sync();
  const std::optional<ZoneFigures> figures = session.figures(id);
  ASSERT_TRUE(figures);

  // Figures straight from the CSVs: the whole population of poor from the 11111 table,
  // households deprived in income from the income-only table.
  const auto sum = [&](const std::string& table, const std::string& column) {
    const auto values = csv_column(table, column, kAmphoe);
    return values.at(kTwo[0]) + values.at(kTwo[1]);
  };
  EXPECT_DOUBLE_EQ(figures->target_poor, sum(kTable, kTarget));
  EXPECT_DOUBLE_EQ(figures->deprived_persons[3], sum(kTable, "poor.JPT.MOFval.income"));
  EXPECT_DOUBLE_EQ(figures->deprived_persons[0], sum(kTable, "poor.JPT.MOFval.health"));
  const double income_households = sum(income_table, "poor.household.CNT");
  ASSERT_GT(income_households, 0);
  EXPECT_DOUBLE_EQ(figures->deprived_households[3], income_households);
  EXPECT_TRUE(std::isnan(figures->deprived_households[0])) << "no health-only table joined";

  // The attach default is households, as `chipao-cli plan add` takes it; none without the
  // dimension's own table (the planner types it).
  EXPECT_EQ(default_target_households(session, id, DimensionId::income),
            static_cast<std::int64_t>(income_households));
  EXPECT_EQ(default_target_households(session, id, DimensionId::health), 0);

  // The export of the same project reads the same figures for the same zone.
  auto project = Project::open(path);
  ASSERT_TRUE(project) << project.error().message;
  auto exported = export_plan(*project, test::temp_dir("session_income_export"), {});
  ASSERT_TRUE(exported) << exported.error().message;
  const auto& zones = exported->report.zones;
  const auto z = std::find_if(zones.begin(), zones.end(),
                              [&](const ZoneReport& r) { return r.zone.id == id; });
  ASSERT_NE(z, zones.end());
  EXPECT_DOUBLE_EQ(z->target_poor, figures->target_poor);
  EXPECT_DOUBLE_EQ(z->households, figures->households);
  EXPECT_DOUBLE_EQ(z->poor_households, figures->poor_households);
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    EXPECT_DOUBLE_EQ(z->deprived[d], figures->deprived_persons[d]) << d;
    if (std::isnan(z->deprived_households[d])) {
      EXPECT_TRUE(std::isnan(figures->deprived_households[d])) << d;
    } else {
      EXPECT_DOUBLE_EQ(z->deprived_households[d], figures->deprived_households[d]) << d;
    }
  }
  EXPECT_NEAR(session.tally(id)->share_of_amphoe_target_poor, z->share_of_amphoe_target_poor,
              1e-12);
}

}  // namespace
}  // namespace chipao::app

#include "app/measure_catalog.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "app/layer_figures.h"
#include "core/io/boundary_reader.h"
#include "core/layer/layer_descriptor.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

// The demo tambon layer with its descriptor's tables, joined as the app's loader does.
struct DemoTambon {
  BoundaryLayer layer;
  LayerFigures figures;
};

DemoTambon load_demo_tambon() {
  DemoTambon demo;
  auto descriptor = read_layer_descriptor(test::source_dir() + "/layers/demo_tambon.json");
  EXPECT_TRUE(descriptor) << descriptor.error().message;
  auto layer = load_boundaries(descriptor->source, descriptor->options);
  EXPECT_TRUE(layer) << layer.error().message;
  demo.layer = std::move(*layer);
  demo.figures = load_layer_figures(demo.layer, table_paths_for_layer(descriptor->tables, {}));
  return demo;
}

TEST(LayerFigures, TheDemoTambonTablesJoinAndBalance) {
  const DemoTambon demo = load_demo_tambon();
  EXPECT_TRUE(demo.figures.errors.empty());
  ASSERT_TRUE(demo.figures.join) << demo.figures.join_error;
  EXPECT_TRUE(demo.figures.join->report.balanced);
  EXPECT_GT(demo.figures.join->report.matched, 0u);
  EXPECT_EQ(demo.figures.tables.size(), 2u);
}

TEST(LayerFigures, AnAmphoeTableIsNotJoinedToATambonLayer) {
  DemoTambon demo = load_demo_tambon();
  const LayerFigures figures = load_layer_figures(
      demo.layer, {test::source_dir() + "/data/demo/tpmap/61_99_amphur_11111.csv"});
  EXPECT_TRUE(figures.tables.empty());
  EXPECT_FALSE(figures.join);
  const LayerFigures missing = load_layer_figures(demo.layer, {"/nonexistent/table.csv"});
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_NE(missing.errors[0].find("/nonexistent/table.csv"), std::string::npos);
}

TEST(MeasureCatalog, GroupsTpmapColumnsAndNamesThemInBothLanguages) {
  const DemoTambon demo = load_demo_tambon();
  ASSERT_TRUE(demo.figures.join);
  const MeasureCatalog catalog = build_measure_catalog(*demo.figures.join);
  const MeasureEntry* target = catalog.find("poor.JPT.MOFval.CNT");
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->group, MeasureGroup::counts);
  EXPECT_EQ(target->label_th, "คนจนเป้าหมาย");
  EXPECT_EQ(catalog.default_entry(), target);
  const MeasureEntry* rate = catalog.find("JPT.MOFval.pov.rate");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->group, MeasureGroup::rates);
  EXPECT_TRUE(rate->is_rate);
  const MeasureEntry* health = catalog.find("poor.JPT.MOFval.health");
  ASSERT_NE(health, nullptr);
  EXPECT_EQ(health->group, MeasureGroup::dimensions);
  const MeasureEntry* ind17 = catalog.find("poor.JPT.MOFval.ind17.CNT");
  ASSERT_NE(ind17, nullptr);
  EXPECT_EQ(ind17->group, MeasureGroup::indicators);
  EXPECT_EQ(ind17->indicator, 17);
  // Groups come in order, indicators by number.
  for (std::size_t i = 1; i < catalog.entries.size(); ++i) {
    const MeasureEntry& a = catalog.entries[i - 1];
    const MeasureEntry& b = catalog.entries[i];
    EXPECT_LE(static_cast<int>(a.group), static_cast<int>(b.group));
    if (a.group == MeasureGroup::indicators && b.group == MeasureGroup::indicators) {
      EXPECT_LT(a.indicator, b.indicator);
    }
  }
  EXPECT_EQ(measure_source_text(demo.figures.tables, *demo.figures.join, *target), "TPMAP 2561");
}

TEST(LayerFigures, AssigningAMunicipalAreaMarksTheTambonsItWentTo) {
  DemoTambon demo = load_demo_tambon();
  ASSERT_TRUE(demo.figures.join);
  const auto& suggestions = demo.figures.join->report.suggestions;
  ASSERT_FALSE(suggestions.empty()) << "the demo has municipal areas rolled up to amphoe";
  const JoinReport::Suggestion suggestion = suggestions.front();
  ASSERT_FALSE(suggestion.tambons.empty());
  rejoin_layer_figures(demo.layer, demo.figures,
                       {MunicipalAssignment{suggestion.municipal_code, suggestion.tambons}});
  ASSERT_TRUE(demo.figures.join) << demo.figures.join_error;
  EXPECT_TRUE(demo.figures.join->report.balanced);
  std::size_t marked = 0;
  for (const std::string& from : demo.figures.join->assigned_from)
    if (from.find(suggestion.municipal_code) != std::string::npos) ++marked;
  EXPECT_EQ(marked, suggestion.tambons.size());
}

// Issue 11: with several TPMAP tables joined every shared measure appeared twice under one
// name. Each now says which table, and so which dimensions, it counts.
TEST(MeasureCatalog, WithTwoTpmapTablesNoTwoMeasuresShareAName) {
  DemoTambon demo = load_demo_tambon();
  const std::string tpmap = test::source_dir() + "/data/demo/tpmap/";
  const LayerFigures figures = load_layer_figures(
      demo.layer, {tpmap + "61_99_tambol_11111.csv", tpmap + "61_99_tambol_common.csv",
                   tpmap + "61_99_tambol_00010.csv"});
  ASSERT_TRUE(figures.join) << figures.join_error;
  const MeasureCatalog catalog = build_measure_catalog(*figures.join);
  ASSERT_GT(catalog.entries.size(), 80u) << "both mask tables' columns are offered";
  std::map<std::string, std::string> by_th, by_en;
  for (const MeasureEntry& e : catalog.entries) {
    const auto [th, fresh_th] = by_th.emplace(e.label_th, e.name);
    EXPECT_TRUE(fresh_th) << "'" << e.label_th << "' names both " << th->second << " and "
                          << e.name;
    const auto [en, fresh_en] = by_en.emplace(e.label_en, e.name);
    EXPECT_TRUE(fresh_en) << "'" << e.label_en << "' names both " << en->second << " and "
                          << e.name;
  }
  // The names say which table and what it counts, in each language.
  const MeasureEntry* all = catalog.find("poor.JPT.MOFval.CNT@tpmap_11111");
  const MeasureEntry* income = catalog.find("poor.JPT.MOFval.CNT@tpmap_00010");
  ASSERT_NE(all, nullptr);
  ASSERT_NE(income, nullptr);
  EXPECT_EQ(all->label_th, "คนจนเป้าหมาย (ตาราง 11111: นับทั้งห้าด้าน)");
  EXPECT_EQ(all->label_en, "Target poor persons (table 11111: counts all five dimensions)");
  EXPECT_EQ(income->label_th, "คนจนเป้าหมาย (ตาราง 00010: นับเฉพาะด้านรายได้)");
  EXPECT_EQ(income->label_en, "Target poor persons (table 00010: counts income alone)");
  const MeasureEntry* ind20 = catalog.find("poor.JPT.MOFval.ind20.CNT@tpmap_00010");
  ASSERT_NE(ind20, nullptr);
  EXPECT_NE(ind20->label_th.find("นับเฉพาะด้านรายได้"), std::string::npos) << ind20->label_th;
  // A column only one table has keeps its plain name.
  const MeasureEntry* households = catalog.find("household.CNT");
  ASSERT_NE(households, nullptr);
  EXPECT_EQ(households->label_th, "จำนวนครัวเรือน");
  // The map opens on the all-dimensions target poor, the figure zone tallies read.
  EXPECT_EQ(catalog.default_entry(), all);
}

}  // namespace
}  // namespace chipao::app

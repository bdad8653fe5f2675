#include "app/measure_catalog.h"

#include <gtest/gtest.h>

#include <cmath>

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

}  // namespace
}  // namespace chipao::app

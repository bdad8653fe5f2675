// Renumbered codes in the join (core/join/recode.h): the report spots a layer unit without
// figures whose name is the gazetteer name of an unmatched row's code, and --recode joins
// those rows under the layer's code with every figure still accounted for.
#include "core/join/recode.h"

#include <gtest/gtest.h>

#include <cmath>

namespace chipao {
namespace {

Gazetteer small_gazetteer() {
  auto g = Gazetteer::parse(
      "code,level,name_th,name_en\n"
      "40,province,ขอนแก่น,Khon Kaen\n"
      "4001,amphoe,เมืองขอนแก่น,Mueang Khon Kaen\n"
      "4002,amphoe,บ้านฝาง,Ban Fang\n"
      "4029,amphoe,เวียงเก่า,Wiang Kao\n"
      "4030,amphoe,บ้านใหม่,Ban Mai\n"
      "4031,amphoe,บ้านใหม่,Ban Mai\n",
      "test gazetteer");
  EXPECT_TRUE(g) << g.error().message;
  return *g;
}

MeasureSpec persons_spec() {
  MeasureSpec spec;
  spec.column = "persons";
  return spec;
}

JoinOptions options_with(const Gazetteer& g, std::vector<CodeRecode> recodes = {}) {
  JoinOptions o;
  o.recodes = std::move(recodes);
  o.gazetteer = &g;
  return o;
}

// An older amphoe layer: Wiang Kao still numbered 4026.
BoundaryLayer amphoe_layer() {
  BoundaryLayer layer;
  layer.source.path = "districts.geojson";
  layer.source.level = AdminLevel::amphoe;
  for (const auto& [code, th, en] : {std::tuple{"4001", "เมืองขอนแก่น", "Mueang Khon Kaen"},
                                     {"4002", "บ้านฝาง", "Ban Fang"},
                                     {"4026", "อำเภอเวียงเก่า", "Wiang Kao"},
                                     {"4027", "บ้านใหม่", "Ban Mai"}}) {
    BoundaryFeature f;
    f.code = code;
    f.name_th = th;
    f.name_en = en;
    layer.features.push_back(f);
  }
  return layer;
}

MeasureTable persons_table() {
  MeasureTable t;
  t.path = "persons.csv";
  t.level = AdminLevel::amphoe;
  t.kind = "table";
  t.key_column = "code";
  t.measures = {persons_spec()};
  std::size_t line = 2;
  for (const auto& [code, persons] :
       {std::pair{"4001", 100.0}, {"4002", 20.0}, {"4029", 7.0}, {"4030", 3.0}, {"4031", 4.0}})
    t.rows.push_back({code, "", line++, {persons}});
  return t;
}

const JoinReport::Totals& persons_totals(const JoinReport& r) {
  EXPECT_EQ(r.totals.size(), 1u);
  return r.totals.front();
}

TEST(Recode, ReportOffersTheRenumberedDistrictByName) {
  const Gazetteer g = small_gazetteer();
  auto joined = join_tables(amphoe_layer(), {persons_table()}, options_with(g));
  ASSERT_TRUE(joined) << joined.error().message;
  const JoinReport& r = joined->report;
  ASSERT_EQ(r.unmatched_rows.size(), 3u);
  EXPECT_EQ(r.unmatched_rows[0].name, "เวียงเก่า (Wiang Kao)");
  // Ban Mai is two amphoe in the gazetteer: ambiguous, so not offered.
  ASSERT_EQ(r.renumbered.size(), 1u);
  EXPECT_EQ(r.renumbered[0].layer_code, "4026");
  EXPECT_EQ(r.renumbered[0].table_code, "4029");
  EXPECT_EQ(r.renumbered[0].table_name, "เวียงเก่า (Wiang Kao)");
  EXPECT_DOUBLE_EQ(persons_totals(r).unmatched, 14);
}

TEST(Recode, RecodedRowsJoinAndTheTotalsBalance) {
  const Gazetteer g = small_gazetteer();
  auto recode = parse_recode("4029=4026");
  ASSERT_TRUE(recode) << recode.error().message;
  const BoundaryLayer layer = amphoe_layer();
  auto joined = join_tables(layer, {persons_table()}, options_with(g, {*recode}));
  ASSERT_TRUE(joined) << joined.error().message;
  const JoinReport& r = joined->report;
  EXPECT_TRUE(r.renumbered.empty());
  ASSERT_EQ(r.recoded.size(), 1u);
  EXPECT_EQ(r.recoded[0].from, "4029");
  EXPECT_EQ(r.recoded[0].to, "4026");
  EXPECT_EQ(r.recoded[0].line, 4u);
  EXPECT_TRUE(r.fixed_codes.empty());
  const auto& t = persons_totals(r);
  EXPECT_DOUBLE_EQ(t.joined, 127);
  EXPECT_DOUBLE_EQ(t.unmatched, 7);
  EXPECT_TRUE(r.balanced);
  EXPECT_DOUBLE_EQ(joined->columns[0].values[2], 7);  // the 4026 feature
}

TEST(Recode, TablesRecodedBeforeBeingKeptJoinToTheSameReport) {
  const Gazetteer g = small_gazetteer();
  std::vector<MeasureTable> kept = {persons_table()};
  ASSERT_TRUE(apply_recodes(kept, {*parse_recode("4029=4026")}));
  auto via_options =
      join_tables(amphoe_layer(), {persons_table()}, options_with(g, {*parse_recode("4029=4026")}));
  auto via_tables = join_tables(amphoe_layer(), kept, options_with(g));
  ASSERT_TRUE(via_options && via_tables);
  EXPECT_EQ(via_tables->report.recoded.size(), 1u);
  EXPECT_EQ(via_tables->report.recoded[0].table, via_options->report.recoded[0].table);
  EXPECT_DOUBLE_EQ(persons_totals(via_tables->report).joined,
                   persons_totals(via_options->report).joined);
}

TEST(Recode, PrefixRecodeRenumbersTambonsOfAnAmphoe) {
  MeasureTable t;
  t.path = "t.csv";
  t.measures = {persons_spec()};
  t.rows = {{"402901", "", 2, {1}}, {"402902", "", 3, {2}}, {"400101", "", 4, {3}}};
  std::vector<MeasureTable> tables = {t};
  ASSERT_TRUE(apply_recodes(tables, {*parse_recode("4029=4026")}));
  EXPECT_EQ(tables[0].rows[0].code, "402601");
  EXPECT_EQ(tables[0].rows[1].code, "402602");
  EXPECT_EQ(tables[0].rows[2].code, "400101");
  EXPECT_EQ(tables[0].fixed_codes.size(), 2u);
}

TEST(Recode, ACollisionIsRefusedNamingTheRows) {
  std::vector<MeasureTable> tables = {persons_table()};
  auto ok = apply_recodes(tables, {*parse_recode("4029=4001")});
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message.find("persons.csv row 4 would become 4001, which row 2"),
            std::string::npos)
      << ok.error().message;
}

TEST(Recode, BadRecodesAreRefused) {
  for (const char* text : {"4029", "4029=402", "40x9=4026", "4029=4029", "=", "4000=4026"})
    EXPECT_FALSE(parse_recode(text)) << text;
  auto r = recodes_from_json(recodes_to_json({*parse_recode("4029=4026")}));
  ASSERT_TRUE(r);
  EXPECT_EQ(recode_text(r->at(0)), "4029=4026");
  EXPECT_FALSE(recodes_from_json("{\"a\":1}"));
}

}  // namespace
}  // namespace chipao

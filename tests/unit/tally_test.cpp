// Zone tallies (core/plan/tally.h) on the demo province and, when present, on the real
// national tambon layer with Khon Kaen's TPMAP table. Expected figures are computed here from
// the table rows and with GEOS (areas of intersections on PROJ's cylindrical equal-area
// projection; containment of label points), never by the code under test.
#include "core/plan/tally.h"

#include <fmt/format.h>
#include <geos_c.h>
#include <gtest/gtest.h>
#include <proj.h>

#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <string>
#include <vector>

#include "core/admin/admin_code.h"
#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/stats/measure_table.h"
#include "support/polygons.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

std::string repo(const std::string& relative) {
  return test::source_dir() + "/" + relative;
}

FeatureGeometry polygon(std::vector<Vec2> ring) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  if (!(ring.front() == ring.back())) ring.push_back(ring.front());
  g.points = std::move(ring);
  g.ring_ends = {static_cast<std::uint32_t>(g.points.size())};
  g.polygon_ends = {1};
  return g;
}

// A wobbly circle of n vertices, radius in degrees.
FeatureGeometry wobbly_circle(Vec2 c, double r, int n) {
  std::vector<Vec2> ring;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * std::numbers::pi * i / n;
    const double rr = r * (1 + 0.15 * std::sin(5 * a) + 0.05 * std::cos(13 * a));
    ring.push_back({c.x + rr * std::cos(a), c.y + rr * std::sin(a)});
  }
  return polygon(ring);
}

// GEOS on PROJ's ellipsoidal cylindrical equal-area projection: an independent check of the
// shares (areas of intersections) and of containment.
class Reference {
 public:
  Reference()
      : geos_(GEOS_init_r()),
        reader_(GEOSWKTReader_create_r(geos_)),
        proj_ctx_(proj_context_create()),
        cea_(proj_create(proj_ctx_,
                         "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                         "+step +proj=cea +ellps=WGS84")) {}
  ~Reference() {
    proj_destroy(cea_);
    proj_context_destroy(proj_ctx_);
    GEOSWKTReader_destroy_r(geos_, reader_);
    GEOS_finish_r(geos_);
  }
  Reference(const Reference&) = delete;
  Reference& operator=(const Reference&) = delete;

  std::string wkt(const FeatureGeometry& g, bool projected) const {
    if (!projected) return test::multipolygon_wkt(g);
    return test::multipolygon_wkt(g, [this](Vec2 v) {
      const PJ_COORD c = proj_trans(cea_, PJ_FWD, proj_coord(v.x, v.y, 0, 0));
      return Vec2{c.xy.x, c.xy.y};
    });
  }
  GEOSGeometry* read(const std::string& text) const {
    return GEOSWKTReader_read_r(geos_, reader_, text.c_str());
  }
  // area(unit ∩ zone) / area(unit) on the equal-area projection.
  double share(const FeatureGeometry& unit, const FeatureGeometry& zone) const {
    GEOSGeometry* u = read(wkt(unit, true));
    GEOSGeometry* z = read(wkt(zone, true));
    GEOSGeometry* i = GEOSIntersection_r(geos_, u, z);
    double ai = 0, au = 0;
    GEOSArea_r(geos_, i, &ai);
    GEOSArea_r(geos_, u, &au);
    GEOSGeom_destroy_r(geos_, i);
    GEOSGeom_destroy_r(geos_, u);
    GEOSGeom_destroy_r(geos_, z);
    return ai / au;
  }
  bool contains(const FeatureGeometry& area, Vec2 p) const {
    GEOSGeometry* a = read(wkt(area, false));
    GEOSGeometry* pt = read(fmt::format("POINT({} {})", p.x, p.y));
    const bool in = GEOSContains_r(geos_, a, pt) == 1;
    GEOSGeom_destroy_r(geos_, pt);
    GEOSGeom_destroy_r(geos_, a);
    return in;
  }

 private:
  GEOSContextHandle_t geos_;
  GEOSWKTReader* reader_;
  PJ_CONTEXT* proj_ctx_;
  PJ* cea_;
};

// The demo tambons with the mask-11111 and common tables, joined once for all tests.
struct Demo {
  BoundaryLayer layer;
  std::vector<MeasureTable> tables;
  TallyIndex index;
  TallyFigures figures;
  // Straight from the CSV rows: code -> value, for the expectations.
  std::map<std::string, double> target, members, households;
};

const Demo& demo() {
  static const Demo d = [] {
    Demo out;
    auto layer = load_boundaries(repo("data/demo/tambon.shp"));
    EXPECT_TRUE(layer) << (layer ? "" : layer.error().message);
    out.layer = std::move(*layer);
    for (const char* f :
         {"data/demo/tpmap/61_99_tambol_11111.csv", "data/demo/tpmap/61_99_tambol_common.csv"}) {
      auto t = load_measure_table(repo(f));
      EXPECT_TRUE(t) << (t ? "" : t.error().message);
      out.tables.push_back(std::move(*t));
    }
    auto joined = join_tables(out.layer, out.tables);
    EXPECT_TRUE(joined);
    out.index = TallyIndex::build(out.layer);
    auto figures = TallyFigures::from_join(*joined, out.tables);
    EXPECT_TRUE(figures);
    out.figures = std::move(*figures);
    const auto read = [](const MeasureTable& t, const char* column, auto& into) {
      const int m = t.measure(column);
      EXPECT_GE(m, 0) << column;
      for (const MeasureRow& r : t.rows) into[r.code] = r.values[static_cast<std::size_t>(m)];
    };
    read(out.tables[0], "poor.JPT.MOFval.CNT", out.target);
    read(out.tables[1], "HOUSEMEMBER_CNT", out.members);
    read(out.tables[1], "household.CNT", out.households);
    return out;
  }();
  return d;
}

double value(const ZoneTally& t, const std::string& name) {
  const ZoneTally::Figure* f = t.figure(name);
  EXPECT_NE(f, nullptr) << name;
  return f ? f->value : std::nan("");
}

const BoundaryFeature* amphoe_feature(const BoundaryLayer& amphoes, const std::string& code) {
  for (const BoundaryFeature& f : amphoes.features)
    if (f.code == code) return &f;
  return nullptr;
}

TEST(Tally, ZoneThatIsAUnionOfTambonsGivesThePlainSumUnderBothRules) {
  const Demo& d = demo();
  auto amphoes = load_boundaries(repo("data/demo/amphoe.shp"));
  ASSERT_TRUE(amphoes);
  // Amphoe 9902 is exactly the union of its tambons (shared vertices).
  const BoundaryFeature* a9902 = amphoe_feature(*amphoes, "9902");
  ASSERT_NE(a9902, nullptr);
  std::set<std::string> expected_codes;
  double target = 0, members = 0, households = 0;
  for (const BoundaryFeature& f : d.layer.features) {
    if (!f.code.starts_with("9902")) continue;
    expected_codes.insert(f.code);
    target += d.target.at(f.code);
    members += d.members.at(f.code);
    households += d.households.at(f.code);
  }
  ASSERT_GT(expected_codes.size(), 3u);
  const PreparedZone zone(a9902->geometry);
  for (TallyRule rule : {TallyRule::centroid, TallyRule::area}) {
    SCOPED_TRACE(std::string(tally_rule_name(rule)));
    const auto units = zone_units(d.index, zone, rule);
    const ZoneTally t = tally_zone(d.index, d.figures, units, rule, "9902");
    std::set<std::string> codes;
    for (const auto& u : t.units) {
      codes.insert(u.code);
      EXPECT_NEAR(u.weight, 1.0, 1e-9) << u.code;
    }
    EXPECT_EQ(codes, expected_codes);
    EXPECT_NEAR(value(t, "poor.JPT.MOFval.CNT"), target, 1e-6);
    EXPECT_NEAR(value(t, "HOUSEMEMBER_CNT"), members, 1e-6);
    EXPECT_NEAR(value(t, "household.CNT"), households, 1e-6);
    // The rate is recomputed from the parts, not averaged.
    EXPECT_NEAR(value(t, "JPT.MOFval.pov.rate"), 100 * target / members, 1e-9);
    // 9902 has no municipal area: the zone holds all of the amphoe's target poor.
    ASSERT_EQ(t.amphoe_shares.size(), 1u);
    EXPECT_EQ(t.amphoe_shares[0].amphoe, "9902");
    EXPECT_NEAR(t.share_of_amphoe_target_poor, 1.0, 1e-12);
  }
}

TEST(Tally, ShareOfAmphoeCountsItsMunicipalArea) {
  const Demo& d = demo();
  // Painting every tambon of 9901 leaves out the people TPMAP reports under 990151.
  std::vector<std::string> codes;
  double zone = 0;
  for (const BoundaryFeature& f : d.layer.features) {
    if (!f.code.starts_with("9901")) continue;
    codes.push_back(f.code);
    if (d.target.contains(f.code)) zone += d.target.at(f.code);
  }
  const double amphoe = zone + d.target.at("990151");
  auto units = painted_units(d.index, codes);
  ASSERT_TRUE(units);
  const ZoneTally t = tally_zone(d.index, d.figures, *units, TallyRule::painted, "mueang");
  EXPECT_NEAR(value(t, "poor.JPT.MOFval.CNT"), zone, 1e-9);
  EXPECT_NEAR(t.share_of_amphoe_target_poor, zone / amphoe, 1e-12);
  EXPECT_LT(t.share_of_amphoe_target_poor, 1.0);
}

TEST(Tally, PaintedZoneWithUnknownCodeIsAnError) {
  const std::vector<std::string> codes{"990102", "990199"};
  auto units = painted_units(demo().index, codes);
  ASSERT_FALSE(units);
  EXPECT_NE(units.error().message.find("990199"), std::string::npos);
}

TEST(Tally, DrawnZonesMatchGeos) {
  const Demo& d = demo();
  const Reference ref;
  const std::vector<FeatureGeometry> zones{
      wobbly_circle({103.0, 16.0}, 0.12, 200),
      wobbly_circle({102.75, 16.3}, 0.2, 37),
      polygon({{102.6, 15.7}, {103.3, 15.75}, {103.1, 15.95}, {102.9, 15.85}, {102.7, 16.1}}),
  };
  for (std::size_t z = 0; z < zones.size(); ++z) {
    SCOPED_TRACE(fmt::format("zone {}", z));
    const PreparedZone zone(zones[z]);
    // Area rule: every tambon's share as GEOS computes it on the equal-area projection.
    std::map<std::string, double> mine;
    for (const UnitWeight& w : zone_units(d.index, zone, TallyRule::area))
      mine[d.index.units()[w.unit].code] = w.weight;
    double target = 0;
    std::size_t partial = 0;
    for (const BoundaryFeature& f : d.layer.features) {
      const double expected = ref.share(f.geometry, zones[z]);
      const double got = mine.contains(f.code) ? mine.at(f.code) : 0.0;
      EXPECT_NEAR(got, expected, 1e-9) << f.code;
      if (d.target.contains(f.code)) target += expected * d.target.at(f.code);
      if (expected > 1e-6 && expected < 1 - 1e-6) ++partial;
    }
    EXPECT_GT(partial, 0u);  // the zone really cuts through tambons
    const ZoneTally ta = tally_zone(d.index, d.figures, zone_units(d.index, zone, TallyRule::area),
                                    TallyRule::area, "drawn");
    EXPECT_NEAR(value(ta, "poor.JPT.MOFval.CNT"), target, 1e-6 * std::max(1.0, target));

    // Centroid rule: the tambons whose label point GEOS finds inside the zone; each label
    // point lies inside its own tambon.
    std::set<std::string> expected_codes;
    for (std::size_t i = 0; i < d.layer.features.size(); ++i) {
      const Vec2 label = d.index.units()[i].label_lonlat;
      EXPECT_TRUE(ref.contains(d.layer.features[i].geometry, label)) << d.layer.features[i].code;
      if (ref.contains(zones[z], label)) expected_codes.insert(d.layer.features[i].code);
    }
    std::set<std::string> codes;
    for (const UnitWeight& w : zone_units(d.index, zone, TallyRule::centroid))
      codes.insert(d.index.units()[w.unit].code);
    EXPECT_EQ(codes, expected_codes);
  }
}

TEST(Tally, HouseholdFiguresAreWeightedAlkireFoster) {
  const Demo& d = demo();
  auto measure = DeprivationMeasure::make();
  ASSERT_TRUE(measure);
  TallyFigures figures = d.figures;
  figures.measure = *measure;
  figures.households.assign(d.index.units().size(), AreaTally{});
  // Two units with a few households each; the expected figures are the measure's own on the
  // merged tally.
  const std::size_t u0 = *d.index.find("990102"), u1 = *d.index.find("990103");
  measure->add(figures.households[u0], 4, dimension_bit(DimensionId::health));
  measure->add(figures.households[u0], 3,
               dimension_bit(DimensionId::health) | dimension_bit(DimensionId::income));
  measure->add(figures.households[u1], 5,
               dimension_bit(DimensionId::education) | dimension_bit(DimensionId::living) |
                   dimension_bit(DimensionId::access));
  AreaTally merged = figures.households[u0];
  merged.merge(figures.households[u1]);
  const AlkireFoster af = measure->measures(merged);
  const std::vector<UnitWeight> units{{u0, 1.0}, {u1, 1.0}};
  const ZoneTally t = tally_zone(d.index, figures, units, TallyRule::painted, "hh");
  ASSERT_TRUE(t.households);
  EXPECT_DOUBLE_EQ(t.households->persons, 12);
  EXPECT_DOUBLE_EQ(t.households->households, 3);
  EXPECT_NEAR(t.households->af.H, af.H, 1e-12);
  EXPECT_NEAR(t.households->af.A, af.A, 1e-12);
  EXPECT_NEAR(t.households->af.M0, af.M0, 1e-12);
  EXPECT_GT(af.M0, 0);
}

TEST(Tally, KhonKaenZonesAcrossAmphoeBordersMatchGeos) {
  CHIPAO_REQUIRE_SHARED(shp,
                        "hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/"
                        "tha_admbnda_adm3_rtsd_20220121.shp");
  CHIPAO_REQUIRE_SHARED(csv, "tpmap2561_via_newknp/tambol/61_40_tambol_11111.csv");
  auto layer = load_boundaries(shp);
  ASSERT_TRUE(layer) << layer.error().message;
  auto table = load_measure_table(csv);
  ASSERT_TRUE(table) << table.error().message;
  const std::vector<MeasureTable> tables{*table};
  auto joined = join_tables(*layer, tables);
  ASSERT_TRUE(joined);
  auto figures = TallyFigures::from_join(*joined, tables);
  ASSERT_TRUE(figures);
  const TallyIndex index = TallyIndex::build(*layer);
  std::map<std::string, double> target;
  const int m = table->measure("poor.JPT.MOFval.CNT");
  ASSERT_GE(m, 0);
  for (const MeasureRow& r : table->rows) target[r.code] = r.values[static_cast<std::size_t>(m)];

  const Reference ref;
  // Around Khon Kaen city (amphoe 4001 and its neighbours) and one further south-west.
  for (const FeatureGeometry& zone_geometry :
       {wobbly_circle({102.84, 16.43}, 0.15, 200), wobbly_circle({102.6, 16.2}, 0.1, 120)}) {
    const PreparedZone zone(zone_geometry);
    const auto units = zone_units(index, zone, TallyRule::area);
    std::map<std::size_t, double> mine;
    for (const UnitWeight& w : units) mine[w.unit] = w.weight;
    double expected_target = 0;
    const Bbox zb = zone_geometry.bounds();
    for (std::size_t i = 0; i < layer->features.size(); ++i) {
      const BoundaryFeature& f = layer->features[i];
      if (f.geometry.empty() || !f.bbox.intersects(zb)) {
        EXPECT_FALSE(mine.contains(i)) << f.code;
        continue;
      }
      const double expected = ref.share(f.geometry, zone_geometry);
      EXPECT_NEAR(mine.contains(i) ? mine.at(i) : 0.0, expected, 1e-9) << f.code;
      if (target.contains(f.code)) expected_target += expected * target.at(f.code);
    }
    const ZoneTally t = tally_zone(index, *figures, units, TallyRule::area, "kk");
    EXPECT_NEAR(value(t, "poor.JPT.MOFval.CNT"), expected_target, 1e-6 * expected_target);
    // The zone crosses amphoe borders; amphoe of other provinces (no table given) have no
    // total, which the tally says rather than inventing one.
    std::size_t khon_kaen = 0;
    for (const auto& s : t.amphoe_shares) {
      if (!s.amphoe.starts_with("40")) {
        EXPECT_TRUE(std::isnan(s.share)) << s.amphoe;
        continue;
      }
      ++khon_kaen;
      EXPECT_GT(s.amphoe_target_poor, 0) << s.amphoe;
      EXPECT_LE(s.share, 1.0 + 1e-12) << s.amphoe;
    }
    EXPECT_GE(khon_kaen, 2u);
  }
}

}  // namespace
}  // namespace chipao

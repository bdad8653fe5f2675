// The SpatiaLite project store: a boundary layer with joined figures reads back identical
// (codes, Thai names, geometry bit for bit, figures), and so do its input tables; GDAL opens
// the file and sees the zones and the layer as spatial layers; a foreign SQLite file, a file
// that is not SQLite and a truncated project each give a clear message. A municipal
// assignment edit joins the kept tables again and writes the figures with the edit; undo
// puts them back, across reopening. A drawn zone without a polygon reads back equal.
#include <fmt/format.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/stats/measure_table.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"
#include "support/fixtures.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;

StoredLayer demo_tambons(bool assign = true) {
  const std::string demo = test::source_dir() + "/data/demo";
  auto layer = load_boundaries(demo + "/tambon.shp");
  EXPECT_TRUE(layer) << layer.error().message;
  std::vector<MeasureTable> tables;
  for (const char* t : {"/tpmap/61_99_tambol_11111.csv", "/tpmap/61_99_tambol_common.csv"}) {
    auto table = load_measure_table(demo + t);
    EXPECT_TRUE(table) << table.error().message;
    tables.push_back(*table);
  }
  JoinOptions options;
  if (assign) options.assignments.push_back(*parse_assignment("990151=990101"));
  auto joined = join_tables(*layer, tables, options);
  EXPECT_TRUE(joined) << joined.error().message;
  StoredLayer stored;
  stored.name = "tambon";
  stored.layer = std::move(*layer);
  stored.columns = joined->columns;
  stored.assigned_from = joined->assigned_from;
  stored.join_report_json = R"({"matched": 80})";
  stored.tables = tables;
  return stored;
}

std::string new_project_with(const std::string& tag, const StoredLayer& stored) {
  const std::string path = test::temp_dir(tag) + "/p.chipao";
  auto store = SpatiaLiteStore::create(path);
  EXPECT_TRUE(store) << store.error().message;
  EXPECT_TRUE((*store)->write_initial(initial_planning_state()));
  auto saved = (*store)->save_layer(stored);
  EXPECT_TRUE(saved) << saved.error().message;
  return path;
}

TEST(ProjectStore, LayerRoundTripIsIdentical) {
  const StoredLayer stored = demo_tambons();
  ASSERT_EQ(stored.layer.features.size(), 80u);
  const std::string path = new_project_with("store_roundtrip", stored);
  auto store = SpatiaLiteStore::open(path);
  ASSERT_TRUE(store) << store.error().message;
  auto layers = (*store)->layers();
  ASSERT_TRUE(layers);
  ASSERT_EQ(layers->size(), 1u);
  EXPECT_EQ((*layers)[0].features, 80u);
  EXPECT_EQ((*layers)[0].geometry_type, "MULTIPOLYGON");
  auto back = (*store)->load_layer("tambon");
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->layer.features.size(), stored.layer.features.size());
  bool thai = false;
  for (std::size_t i = 0; i < stored.layer.features.size(); ++i) {
    const auto& a = stored.layer.features[i];
    const auto& b = back->layer.features[i];
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.fid, b.fid);
    EXPECT_EQ(a.name_th, b.name_th);
    EXPECT_EQ(a.name_en, b.name_en);
    EXPECT_TRUE(same_geometry(a.geometry, b.geometry)) << "feature " << a.code;
    thai = thai || a.name_th.find("\xE0\xB8") != std::string::npos;  // Thai block U+0E00..
  }
  EXPECT_TRUE(thai) << "the demo's Thai names did not reach the test";
  ASSERT_EQ(back->columns.size(), stored.columns.size());
  for (std::size_t c = 0; c < stored.columns.size(); ++c) {
    EXPECT_EQ(back->columns[c].name, stored.columns[c].name);
    EXPECT_EQ(back->columns[c].spec.rule, stored.columns[c].spec.rule);
    for (std::size_t f = 0; f < stored.columns[c].values.size(); ++f) {
      const double a = stored.columns[c].values[f], b = back->columns[c].values[f];
      EXPECT_TRUE((std::isnan(a) && std::isnan(b)) || a == b) << stored.columns[c].name;
    }
  }
  EXPECT_EQ(back->assigned_from, stored.assigned_from);
  EXPECT_EQ(back->join_report_json, stored.join_report_json);
}

TEST(ProjectStore, StateWithThaiTextRoundTrips) {
  const std::string path = test::temp_dir("store_state") + "/p.chipao";
  PlanningState expected;
  {
    auto store = SpatiaLiteStore::create(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->write_initial(initial_planning_state()));
    auto project = Project::from_store(std::move(*store));
    ASSERT_TRUE(project);
    Zone z;
    z.name = "เขตเร่งด่วน ตำบลหนองบัว";
    z.polygon.kind = GeometryKind::polygon;
    z.polygon.points = {{100.1, 15.1}, {100.3, 15.1}, {100.2, 15.3}, {100.1, 15.1}};
    z.polygon.ring_ends = {4};
    z.polygon.polygon_ends = {1};
    ASSERT_TRUE(project->apply(*make_create_zone(project->state(), z)));
    Intervention i;
    i.zone_id = 1;
    i.households = 42;
    i.unit_cost_baht = 20000;
    i.agency = "พมจ.";
    i.start = "1/10/2567";
    i.end = "30/9/2568";
    ASSERT_TRUE(project->apply(*make_add_intervention(project->state(), i)));
    ASSERT_TRUE(
        project->apply(*make_set_assignment(project->state(), {"990151", {"990101", "990102"}})));
    expected = project->state();
  }
  auto project = Project::open(path);
  ASSERT_TRUE(project) << project.error().message;
  EXPECT_TRUE(project->state() == expected);
  EXPECT_EQ(project->state().zones.at(0).name, "เขตเร่งด่วน ตำบลหนองบัว");
  EXPECT_FALSE(project->state().settings.at("id_salt").empty());
}

TEST(ProjectStore, GdalSeesZonesAndLayerAsSpatialLayers) {
  const StoredLayer stored = demo_tambons();
  const std::string path = new_project_with("store_gdal", stored);
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project);
    Zone z;
    z.name = "เขต 1";
    z.polygon.kind = GeometryKind::polygon;
    z.polygon.points = {{100.1, 15.1}, {100.3, 15.1}, {100.2, 15.3}, {100.1, 15.1}};
    z.polygon.ring_ends = {4};
    z.polygon.polygon_ends = {1};
    ASSERT_TRUE(project->apply(*make_create_zone(project->state(), z)));
  }
  GDALAllRegister();
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr) << CPLGetLastErrorMsg();
  OGRLayerH zones = GDALDatasetGetLayerByName(ds, "chipao_zones");
  ASSERT_NE(zones, nullptr);
  EXPECT_EQ(wkbFlatten(OGR_L_GetGeomType(zones)), wkbMultiPolygon);
  EXPECT_EQ(OGR_L_GetFeatureCount(zones, 1), 1);
  OGR_L_ResetReading(zones);
  OGRFeatureH f = OGR_L_GetNextFeature(zones);
  ASSERT_NE(f, nullptr);
  EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "name")), "เขต 1");
  OGRGeometryH g = OGR_F_GetGeometryRef(f);
  ASSERT_NE(g, nullptr);
  OGREnvelope env;
  OGR_G_GetEnvelope(g, &env);
  EXPECT_DOUBLE_EQ(env.MinX, 100.1);
  EXPECT_DOUBLE_EQ(env.MaxY, 15.3);
  OGR_F_Destroy(f);
  OGRLayerH tambons = GDALDatasetGetLayerByName(ds, "layer_tambon");
  ASSERT_NE(tambons, nullptr);
  EXPECT_EQ(OGR_L_GetFeatureCount(tambons, 1), 80);
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(tambons);
  ASSERT_NE(srs, nullptr);
  EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "4326");
  GDALClose(ds);
}

TEST(ProjectStore, ForeignSqliteFileIsNamed) {
  const std::string path = test::temp_dir("store_foreign") + "/other.gpkg";
  test::FixtureLayer fixture;
  fixture.driver = "GPKG";
  fixture.path = path;
  fixture.fields = {{"name"}};
  fixture.features = {{"POINT (100 15)", {"a"}}};
  ASSERT_EQ(test::write_fixture(fixture), "");
  auto store = SpatiaLiteStore::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().message,
            path +
                " is not a ChiPao project (no chipao_meta table); open it in QGIS or create a "
                "project with chipao-cli project new");
}

TEST(ProjectStore, NonSqliteAndMissingFilesAreNamed) {
  const std::string dir = test::temp_dir("store_text");
  std::ofstream(dir + "/notes.chipao") << "just some text, not a database\n";
  auto text = SpatiaLiteStore::open(dir + "/notes.chipao");
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("notes.chipao is not a ChiPao project"), std::string::npos);
  auto missing = SpatiaLiteStore::open(dir + "/absent.chipao");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("does not exist"), std::string::npos);
}

TEST(ProjectStore, TruncatedProjectIsReportedDamaged) {
  const std::string path = new_project_with("store_truncated", demo_tambons());
  ASSERT_FALSE(fs::exists(path + "-wal")) << "closing should have checkpointed the WAL";
  const auto size = fs::file_size(path);
  for (double keep : {0.5, 0.9}) {
    const std::string cut = fmt::format("{}.{}.chipao", path, keep);
    fs::copy_file(path, cut);
    fs::resize_file(cut,
                    static_cast<std::uintmax_t>(static_cast<double>(size) * keep) / 4096 * 4096);
    auto store = SpatiaLiteStore::open(cut);
    ASSERT_FALSE(store) << "a project cut to " << keep << " of its size opened";
    EXPECT_NE(store.error().message.find(cut + " is damaged"), std::string::npos)
        << store.error().message;
  }
  const std::string tiny = path + ".tiny";
  fs::copy_file(path, tiny);
  fs::resize_file(tiny, 100);
  auto store = SpatiaLiteStore::open(tiny);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("is damaged (the file is truncated)"), std::string::npos);
}

TEST(ProjectStore, SavingALayerAgainReplacesIt) {
  StoredLayer stored = demo_tambons();
  const std::string path = new_project_with("store_replace", stored);
  auto store = SpatiaLiteStore::open(path);
  ASSERT_TRUE(store);
  stored.layer.features.resize(10);
  for (auto& c : stored.columns) c.values.resize(10);
  stored.assigned_from.resize(10);
  auto saved = (*store)->save_layer(stored);
  ASSERT_TRUE(saved) << saved.error().message;
  auto back = (*store)->load_layer("tambon");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->layer.features.size(), 10u);
  EXPECT_EQ((*store)->layers()->size(), 1u);
}

bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!((std::isnan(a[i]) && std::isnan(b[i])) || a[i] == b[i])) return false;
  return true;
}

TEST(ProjectStore, InputTablesRoundTrip) {
  StoredLayer stored = demo_tambons();
  // The demo has no blank cell: make one, so a NaN must pass through the store.
  stored.tables[0].rows[3].values[1] = std::nan("");
  const std::string path = new_project_with("store_tables", stored);
  auto store = SpatiaLiteStore::open(path);
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->layers()->at(0).tables, 2u);
  auto back = (*store)->load_tables("tambon");
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->size(), stored.tables.size());
  bool blank = false;
  for (std::size_t t = 0; t < back->size(); ++t) {
    const MeasureTable& a = stored.tables[t];
    const MeasureTable& b = (*back)[t];
    EXPECT_EQ(a.path, b.path);
    EXPECT_EQ(a.label(), b.label());
    EXPECT_EQ(a.level, b.level);
    EXPECT_EQ(a.key_column, b.key_column);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.mask, b.mask);
    EXPECT_EQ(a.warnings, b.warnings);
    EXPECT_EQ(a.fixed_codes.size(), b.fixed_codes.size());
    ASSERT_EQ(a.measures.size(), b.measures.size());
    for (std::size_t m = 0; m < a.measures.size(); ++m) {
      EXPECT_EQ(a.measures[m].column, b.measures[m].column);
      EXPECT_EQ(a.measures[m].rule, b.measures[m].rule);
      EXPECT_EQ(a.measures[m].denominator, b.measures[m].denominator);
    }
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
      EXPECT_EQ(a.rows[r].code, b.rows[r].code);
      EXPECT_EQ(a.rows[r].suffix, b.rows[r].suffix);
      EXPECT_EQ(a.rows[r].line, b.rows[r].line);
      EXPECT_TRUE(same_values(a.rows[r].values, b.rows[r].values)) << a.path << " " << r;
      for (double v : a.rows[r].values) blank = blank || std::isnan(v);
    }
  }
  EXPECT_TRUE(blank) << "no blank cell reached the test; NaN went unchecked";
  EXPECT_TRUE((*store)->load_tables("none")->empty());
}

std::size_t feature_index(const StoredLayer& layer, const std::string& code) {
  for (std::size_t i = 0; i < layer.layer.features.size(); ++i)
    if (layer.layer.features[i].code == code) return i;
  ADD_FAILURE() << "no feature " << code;
  return 0;
}

TEST(ProjectStore, AssignmentEditJoinsTheKeptTablesAgain) {
  const StoredLayer plain = demo_tambons(false);
  const StoredLayer assigned = demo_tambons(true);  // what join_tables makes with 990151=990101
  const std::string path = new_project_with("store_rejoin", plain);
  const std::size_t f = feature_index(plain, "990101");
  ASSERT_FALSE(plain.columns.empty());
  const auto expect_figures = [&](const StoredLayer& expected, const std::string& stage) {
    auto store = SpatiaLiteStore::open(path);
    ASSERT_TRUE(store);
    auto back = (*store)->load_layer("tambon");
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(back->columns.size(), expected.columns.size());
    for (std::size_t c = 0; c < expected.columns.size(); ++c)
      EXPECT_TRUE(same_values(back->columns[c].values, expected.columns[c].values))
          << stage << ": " << expected.columns[c].name;
    // load_layer() gives no notes at all as an empty vector.
    std::vector<std::string> notes = expected.assigned_from;
    if (std::all_of(notes.begin(), notes.end(), [](const auto& n) { return n.empty(); }))
      notes.clear();
    EXPECT_EQ(back->assigned_from, notes) << stage;
  };
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project);
    auto before = project->figures();
    ASSERT_TRUE(before) << before.error().message;
    EXPECT_TRUE((*before)->rejoinable);
    EXPECT_TRUE(std::isnan((*before)->join.columns[0].values[f]));
    auto edit = make_set_assignment(project->state(), {"990151", {"990101"}});
    ASSERT_TRUE(edit);
    auto applied = project->apply(*edit);
    ASSERT_TRUE(applied) << applied.error().message;
    auto after = project->figures();
    ASSERT_TRUE(after);
    EXPECT_FALSE(std::isnan((*after)->join.columns[0].values[f]));
    EXPECT_NE((*after)->join.assigned_from.at(f).find("990151"), std::string::npos);
    EXPECT_TRUE((*after)->join.report.balanced);
    ASSERT_EQ((*after)->join.report.assigned.size(), 1u);
  }
  expect_figures(assigned, "after the assignment, reopened");
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project);
    ASSERT_TRUE(project->undo());
    EXPECT_TRUE(std::isnan((*project->figures())->join.columns[0].values[f]));
  }
  expect_figures(plain, "after undo, reopened");
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project);
    ASSERT_TRUE(project->redo());
    // An assignment to a tambon the layer lacks is refused and changes nothing.
    auto bad = project->apply(*make_set_assignment(project->state(), {"990451", {"990499"}}));
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("990499"), std::string::npos) << bad.error().message;
    EXPECT_EQ(project->history().size(), 1u);
    EXPECT_EQ(project->state().assignments.size(), 1u);
  }
  expect_figures(assigned, "after redo, reopened");
}

TEST(ProjectStore, DrawnZoneWithoutPolygonReadsBackEqual) {
  const std::string path = test::temp_dir("store_empty_zone") + "/p.chipao";
  PlanningState expected;
  {
    auto store = SpatiaLiteStore::create(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->write_initial(initial_planning_state()));
    auto project = Project::from_store(std::move(*store));
    ASSERT_TRUE(project);
    Zone z;
    z.name = "เขตยังไม่วาด";
    z.kind = ZoneKind::drawn;
    z.polygon.kind = GeometryKind::polygon;  // a polygon kind with no points
    ASSERT_TRUE(project->apply(*make_create_zone(project->state(), z)));
    ASSERT_TRUE(project->apply(*make_rename_zone(project->state(), 1, "เขตหนึ่ง")));
    expected = project->state();
  }
  auto project = Project::open(path);
  ASSERT_TRUE(project);
  EXPECT_TRUE(project->state() == expected);
  // Undo compares the file's zone with the history's: they must agree.
  auto undone = project->undo();
  ASSERT_TRUE(undone) << undone.error().message;
  ASSERT_TRUE(project->undo());
  EXPECT_TRUE(project->state().zones.empty());

  Zone points;
  points.name = "จุด";
  points.polygon.kind = GeometryKind::point;
  points.polygon.points = {{100, 15}};
  auto refused = make_create_zone(project->state(), points);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("zone 'จุด'"), std::string::npos);
}

}  // namespace
}  // namespace chipao

// chipao-cli export on a demo project built with the real CLI (project new, zones import) and
// interventions added through the core API: every export (shapefile in UTF-8 and CP874,
// GeoPackage, CSV) is read back with GDAL's C API and compared with a tally this test makes
// itself — plain sums of the TPMAP rows of the tambons a zone is the union of. Also: Thai
// text intact in both encodings with a .cpg that says which, EPSG:4326, field names of at
// most 10 characters mapped by the sidecar, small counts blanked, no registry ID anywhere in
// the written bytes, the budget warning, and bad usage refused.
#include <cpl_conv.h>
#include <fmt/format.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "core/plan/edit.h"
#include "core/store/project.h"
#include "support/fixtures.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A TPMAP CSV as code -> column -> value (codes and headers are quoted, values are not).
using Table = std::map<std::string, std::map<std::string, double>>;
std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  for (char c : line) {
    if (c == ',') {
      out.push_back(cell);
      cell.clear();
    } else if (c != '"' && c != '\r') {
      cell += c;
    }
  }
  out.push_back(cell);
  return out;
}
Table read_tpmap(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const auto header = split_csv_line(line);
  Table t;
  while (std::getline(in, line)) {
    const auto cells = split_csv_line(line);
    for (std::size_t i = 1; i < cells.size() && i < header.size(); ++i)
      t[cells[0]][header[i]] = std::strtod(cells[i].c_str(), nullptr);
  }
  return t;
}

// The tambon polygons of the demo, by code, as OGR geometries (owned here).
struct Tambons {
  std::map<std::string, OGRGeometryH> by_code;
  Tambons() {
    GDALDatasetH ds =
        GDALOpenEx(demo("tambon.shp").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    EXPECT_NE(ds, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
      const int field = OGR_F_GetFieldIndex(f, "tam_code");
      by_code[OGR_F_GetFieldAsString(f, field)] = OGR_G_Clone(OGR_F_GetGeometryRef(f));
      OGR_F_Destroy(f);
    }
    GDALClose(ds);
  }
  ~Tambons() {
    for (auto& [code, g] : by_code) OGR_G_DestroyGeometry(g);
  }
  // The dissolved union of the tambons, as WKT.
  std::string union_wkt(const std::vector<std::string>& codes) const {
    OGRGeometryH multi = OGR_G_CreateGeometry(wkbMultiPolygon);
    for (const std::string& c : codes) OGR_G_AddGeometry(multi, by_code.at(c));
    OGRGeometryH u = OGR_G_UnionCascaded(multi);
    char* wkt = nullptr;
    OGR_G_ExportToWkt(u, &wkt);
    std::string out = wkt;
    CPLFree(wkt);
    OGR_G_DestroyGeometry(u);
    OGR_G_DestroyGeometry(multi);
    return out;
  }
};

// The painted zone's accessibility count is 2 (0 + 2): small enough to be suppressed.
const std::vector<std::string> kNorth{"990102", "990104"};
const std::vector<std::string> kSouth{"990106", "990107", "990108"};
const std::vector<std::string> kPainted{"990103", "990105"};

// What the test expects a zone to hold: sums of the tables' rows of its tambons.
struct Expected {
  double target = 0, households = 0, poor_households = 0;
  std::map<std::string, double> deprived;  // by TPMAP dimension key
  double income_households = 0;            // deprived in income: the income-only table
};
Expected expected_for(const std::vector<std::string>& codes) {
  static const Table mask = read_tpmap(demo("tpmap/61_99_tambol_11111.csv"));
  static const Table common = read_tpmap(demo("tpmap/61_99_tambol_common.csv"));
  static const Table income = read_tpmap(demo("tpmap/61_99_tambol_00010.csv"));
  Expected e;
  for (const std::string& c : codes) {
    e.income_households += income.at(c).at("poor.household.CNT");
    e.target += mask.at(c).at("poor.JPT.MOFval.CNT");
    e.poor_households += mask.at(c).at("poor.household.CNT");
    e.households += common.at(c).at("household.CNT");
    for (const char* d : {"health", "living", "education", "income", "accessibility"})
      e.deprived[d] += mask.at(c).at(std::string("poor.JPT.MOFval.") + d);
  }
  return e;
}

struct Added {
  std::string zone;
  DimensionId dimension;
  std::int64_t households;
  double unit_cost;
  std::string agency, start, end;
  InterventionStatus status;
};
const std::vector<Added> kInterventions{
    {"โซนเหนือ", DimensionId::income, 40, 2500, "สำนักงานพัฒนาชุมชนจังหวัด", "1/10/2567", "30/9/2568",
     InterventionStatus::planned},
    {"โซนเหนือ", DimensionId::living, 12, 15000, "พมจ.", "1/11/2567", "31/3/2568",
     InterventionStatus::approved},
    {"โซนใต้", DimensionId::income, 25, 2500, "สำนักงานพัฒนาชุมชนจังหวัด", "1/10/2567", "30/9/2568",
     InterventionStatus::in_progress},
    {"เขตทาสี", DimensionId::education, 8, 6000, "สพป.", "16/5/2568", "31/3/2569",
     InterventionStatus::done}};

// Builds the project once for every test: CLI project new, a zones file, CLI zones import,
// then a painted zone, interventions and a budget cap through the core API.
class ExportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(test::temp_dir("export_cli"));
    project_ = new std::string(*dir_ + "/plan.chipao");
    const auto made = test::run_cli(
        {"project", "new", *project_, "--boundaries", demo("tambon.shp"), "--table",
         demo("tpmap/61_99_tambol_11111.csv"), "--table", demo("tpmap/61_99_tambol_common.csv"),
         // The income-only table too (issue 11): its columns share names with the 11111
         // table's, and coverage of income is measured against its households.
         "--table", demo("tpmap/61_99_tambol_00010.csv")});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    GDALAllRegister();
    const Tambons tambons;
    test::FixtureLayer zones;
    zones.driver = "GeoJSON";
    zones.path = *dir_ + "/zones.geojson";
    zones.fields = {{"name"}};
    zones.features = {{tambons.union_wkt(kNorth), {"โซนเหนือ"}},
                      {tambons.union_wkt(kSouth), {"โซนใต้"}}};
    ASSERT_EQ(test::write_fixture(zones), "");
    const auto imported = test::run_cli({"zones", "import", *project_, zones.path});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;

    auto project = Project::open(*project_);
    ASSERT_TRUE(project) << project.error().message;
    Zone painted;
    painted.name = "เขตทาสี";
    painted.kind = ZoneKind::painted;
    painted.unit_codes = kPainted;
    auto created = make_create_zone(project->state(), painted);
    ASSERT_TRUE(created) << created.error().message;
    ASSERT_TRUE(project->apply(std::move(*created)));
    std::map<std::string, std::int64_t> ids;
    for (const Zone& z : project->state().zones) ids[z.name] = z.id;
    ASSERT_EQ(ids.size(), 3u);
    for (const Added& a : kInterventions) {
      Intervention i;
      i.zone_id = ids.at(a.zone);
      i.dimension = a.dimension;
      i.households = a.households;
      i.unit_cost_baht = a.unit_cost;
      i.agency = a.agency;
      i.start = a.start;
      i.end = a.end;
      i.status = a.status;
      auto edit = make_add_intervention(project->state(), i);
      ASSERT_TRUE(edit) << edit.error().message;
      ASSERT_TRUE(project->apply(std::move(*edit)));
    }
    // Total 100,000 + 180,000 + 62,500 + 48,000 = 390,500 baht: over a 300,000 cap.
    auto cap = make_set_budget_cap(project->state(), 300000);
    ASSERT_TRUE(cap);
    ASSERT_TRUE(project->apply(std::move(*cap)));
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete project_;
  }
  static std::string export_to(const std::string& name, std::vector<std::string> extra) {
    const std::string out = *dir_ + "/" + name;
    std::vector<std::string> args{"export", *project_, "--out", out, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = test::run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    last_json_ = r.out;
    return out;
  }
  static inline std::string* dir_ = nullptr;
  static inline std::string* project_ = nullptr;
  static inline std::string last_json_;
};

// One layer of an export, read back as field name -> text (null: absent) per feature.
struct ReadBack {
  std::vector<std::string> fields;
  std::vector<std::map<std::string, std::optional<std::string>>> rows;
  std::vector<bool> has_geometry;
  std::string epsg;
};
ReadBack read_layer(const std::string& path, const std::string& layer_name) {
  ReadBack r;
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  EXPECT_NE(ds, nullptr) << path;
  if (ds == nullptr) return r;
  OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(ds, 0)
                                       : GDALDatasetGetLayerByName(ds, layer_name.c_str());
  EXPECT_NE(layer, nullptr) << path << " " << layer_name;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
    r.fields.push_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
    OGRSpatialReferenceH copy = OSRClone(srs);
    if (OSRAutoIdentifyEPSG(copy) == OGRERR_NONE) {
      const char* code = OSRGetAuthorityCode(copy, nullptr);
      r.epsg = code != nullptr ? code : "";
    }
    OSRDestroySpatialReference(copy);
  }
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    std::map<std::string, std::optional<std::string>> row;
    for (int i = 0; i < static_cast<int>(r.fields.size()); ++i) {
      if (OGR_F_IsFieldSetAndNotNull(f, i)) {
        row[r.fields[static_cast<std::size_t>(i)]] = std::string(OGR_F_GetFieldAsString(f, i));
      } else {
        row[r.fields[static_cast<std::size_t>(i)]] = std::nullopt;
      }
    }
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    r.has_geometry.push_back(g != nullptr && !OGR_G_IsEmpty(g));
    r.rows.push_back(std::move(row));
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return r;
}

// A blank field (null, or an empty CSV cell) is NaN.
double number(const std::optional<std::string>& text) {
  return text && !text->empty() ? std::strtod(text->c_str(), nullptr) : std::nan("");
}

// Zone rows by name. `f` maps a full field name to the stored one (identity for gpkg/csv).
void expect_zone_values(const ReadBack& r, const std::function<std::string(std::string)>& f,
                        int suppress_below, double tolerance) {
  std::map<std::string, const std::map<std::string, std::optional<std::string>>*> by_name;
  for (const auto& row : r.rows) by_name[row.at(f("name")).value_or("")] = &row;
  ASSERT_EQ(by_name.size(), 3u);
  const std::vector<std::pair<std::string, std::vector<std::string>>> zones{
      {"โซนเหนือ", kNorth}, {"โซนใต้", kSouth}, {"เขตทาสี", kPainted}};
  for (const auto& [name, codes] : zones) {
    ASSERT_TRUE(by_name.contains(name)) << name;
    const auto& row = *by_name.at(name);
    const Expected e = expected_for(codes);
    const auto check = [&](const std::string& field, double want) {
      SCOPED_TRACE(name + " " + field);
      const double got = number(row.at(f(field)));
      if (suppress_below > 1 && want > 0 && want < suppress_below) {
        EXPECT_TRUE(std::isnan(got)) << "a count of " << want << " should be blank";
      } else {
        EXPECT_NEAR(got, want, tolerance * std::max(1.0, std::abs(want)));
      }
    };
    check("target_poor", e.target);
    // The share is of the amphoe TPMAP reports: every row of amphoe 9901 in the table, its
    // municipal area (990151) included, summed here from the CSV.
    EXPECT_EQ(row.at(f("amphoes")).value_or(""), "9901") << name;
    static const double amphoe_9901 = [] {
      double total = 0;
      for (const auto& [code, columns] : read_tpmap(demo("tpmap/61_99_tambol_11111.csv")))
        if (code.starts_with("9901")) total += columns.at("poor.JPT.MOFval.CNT");
      return total;
    }();
    ASSERT_GT(amphoe_9901, e.target);
    if (!(suppress_below > 1 && e.target > 0 && e.target < suppress_below)) {
      EXPECT_NEAR(number(row.at(f("share_of_amphoe"))), e.target / amphoe_9901, 1e-6) << name;
    }
    check("households", e.households);
    check("poor_households", e.poor_households);
    for (const auto& [dim, v] : e.deprived) check("deprived_" + dim, v);
    EXPECT_EQ(number(row.at(f("units"))), static_cast<double>(codes.size())) << name;
    EXPECT_EQ(row.at(f("rule")).value_or(""), name == "เขตทาสี" ? "painted" : "centroid");
    double households = 0, cost = 0, income = 0;
    int count = 0;
    for (const Added& a : kInterventions) {
      if (a.zone != name) continue;
      ++count;
      households += static_cast<double>(a.households);
      cost += static_cast<double>(a.households) * a.unit_cost;
      if (a.dimension == DimensionId::income) income += static_cast<double>(a.households);
    }
    EXPECT_EQ(number(row.at(f("interventions"))), count) << name;
    EXPECT_EQ(number(row.at(f("plan_households"))), households) << name;
    EXPECT_DOUBLE_EQ(number(row.at(f("plan_cost_baht"))), cost) << name;
    // Coverage is households over households: the plan's income households over the zone's
    // households deprived in income (not over its target poor persons, issue 11).
    check("deprived_households_income", e.income_households);
    EXPECT_TRUE(std::isnan(number(row.at(f("deprived_households_health")))))
        << name << ": the project has no health-only table";
    EXPECT_TRUE(std::isnan(number(row.at(f("coverage_living")))))
        << name << ": no coverage without the living-only table's households";
    const double income_deprived = e.income_households;
    const double coverage = number(row.at(f("coverage_income")));
    if (income_deprived >= std::max(1, suppress_below)) {
      EXPECT_NEAR(coverage, income / income_deprived, 1e-9) << name;
    } else if (income_deprived > 0) {
      EXPECT_TRUE(std::isnan(coverage)) << name << ": coverage of a suppressed count";
    }
  }
}

std::map<std::string, std::string> sidecar_map(const std::string& path) {
  std::map<std::string, std::string> m;
  const json j = json::parse(read_bytes(path));
  for (const auto& f : j) {
    EXPECT_FALSE(f["label_th"].get<std::string>().empty()) << f.dump();
    EXPECT_FALSE(f["label_en"].get<std::string>().empty()) << f.dump();
    m[f["name"].get<std::string>()] = f["field"].get<std::string>();
  }
  return m;
}

// TIS-620 bytes of a Thai UTF-8 string: U+0E01..U+0E5B are 0xA1..0xFB.
std::string tis620(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i + 2 < utf8.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(utf8[i]),
               b1 = static_cast<unsigned char>(utf8[i + 1]),
               b2 = static_cast<unsigned char>(utf8[i + 2]);
    const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    out += static_cast<char>(cp - 0x0E00 + 0xA0);
  }
  return out;
}

void check_shapefile(const std::string& out, const std::string& encoding) {
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
    EXPECT_TRUE(fs::exists(out + "/zones" + ext)) << ext;
  EXPECT_TRUE(fs::exists(out + "/interventions.dbf"));
  EXPECT_TRUE(fs::exists(out + "/interventions.cpg"));
  for (const auto& entry : fs::directory_iterator(out))
    EXPECT_FALSE(entry.path().filename().string().starts_with(".")) << "left behind: " << entry;
  const std::string cpg = read_bytes(out + "/zones.cpg");
  if (encoding == "UTF-8") {
    EXPECT_NE(cpg.find("UTF-8"), std::string::npos) << cpg;
  } else {
    EXPECT_NE(cpg.find("874"), std::string::npos) << cpg;
  }
  const std::string dbf = read_bytes(out + "/zones.dbf");
  const std::string north = "โซนเหนือ";
  if (encoding == "UTF-8") {
    EXPECT_NE(dbf.find(north), std::string::npos);
  } else {
    EXPECT_EQ(dbf.find(north), std::string::npos) << "CP874 export holds UTF-8 bytes";
    EXPECT_NE(dbf.find(tis620(north)), std::string::npos) << "no TIS-620 bytes of the name";
  }
  const ReadBack zones = read_layer(out + "/zones.shp", "");
  EXPECT_EQ(zones.epsg, "4326");
  ASSERT_EQ(zones.rows.size(), 3u);
  for (bool g : zones.has_geometry) EXPECT_TRUE(g);
  for (const std::string& name : zones.fields) EXPECT_LE(name.size(), 10u) << name;
  const auto map = sidecar_map(out + "/zones.fields.json");
  std::set<std::string> stored(zones.fields.begin(), zones.fields.end()), mapped;
  for (const auto& [full, field] : map) mapped.insert(field);
  EXPECT_EQ(stored, mapped) << "the sidecar maps every field and no other";
  expect_zone_values(
      zones, [&](const std::string& full) { return map.at(full); }, 0, 1e-9);

  const ReadBack interventions = read_layer(out + "/interventions.dbf", "");
  const auto imap = sidecar_map(out + "/interventions.fields.json");
  for (const std::string& name : interventions.fields) EXPECT_LE(name.size(), 10u) << name;
  ASSERT_EQ(interventions.rows.size(), kInterventions.size());
  for (std::size_t i = 0; i < kInterventions.size(); ++i) {
    const Added& a = kInterventions[i];
    const auto& row = interventions.rows[i];
    EXPECT_EQ(row.at(imap.at("zone")).value_or(""), a.zone);
    EXPECT_EQ(row.at(imap.at("dimension")).value_or(""), dimension_key(a.dimension));
    EXPECT_EQ(row.at(imap.at("agency")).value_or(""), a.agency);
    EXPECT_EQ(number(row.at(imap.at("households"))), static_cast<double>(a.households));
    EXPECT_EQ(number(row.at(imap.at("unit_cost_baht"))), a.unit_cost);
    EXPECT_EQ(number(row.at(imap.at("cost_baht"))),
              static_cast<double>(a.households) * a.unit_cost);
    EXPECT_EQ(row.at(imap.at("start")).value_or(""), a.start);
    EXPECT_EQ(row.at(imap.at("end")).value_or(""), a.end);
    EXPECT_EQ(row.at(imap.at("status")).value_or(""), intervention_status_key(a.status));
  }
}

TEST_F(ExportCli, ShapefileUtf8) {
  const std::string out = export_to("shp_utf8", {"--suppress", "0"});
  check_shapefile(out, "UTF-8");
  const json j = json::parse(last_json_);
  EXPECT_EQ(j["zones"], 3);
  EXPECT_EQ(j["interventions"], 4);
  EXPECT_DOUBLE_EQ(j["total_cost_baht"].get<double>(), 390500);
  EXPECT_NE(j["budget_warning"].get<std::string>().find("budget exceeded by 90,500 baht"),
            std::string::npos)
      << j.dump();
}

TEST_F(ExportCli, ShapefileCp874) {
  check_shapefile(export_to("shp_cp874", {"--suppress", "0", "--encoding", "cp874"}), "CP874");
}

TEST_F(ExportCli, GeoPackageHasBothLayers) {
  const std::string out = export_to("gpkg", {"--format", "gpkg", "--suppress", "0"});
  const ReadBack zones = read_layer(out + "/plan.gpkg", "zones");
  EXPECT_EQ(zones.epsg, "4326");
  for (bool g : zones.has_geometry) EXPECT_TRUE(g);
  expect_zone_values(
      zones, [](const std::string& s) { return s; }, 0, 1e-9);
  const ReadBack interventions = read_layer(out + "/plan.gpkg", "interventions");
  ASSERT_EQ(interventions.rows.size(), kInterventions.size());
  EXPECT_EQ(interventions.rows[3].at("zone").value_or(""), "เขตทาสี");
  EXPECT_EQ(interventions.rows[3].at("agency").value_or(""), "สพป.");
}

TEST_F(ExportCli, AreaRuleMatchesUnionsOfTambons) {
  // Zones that are unions of whole tambons take each of them with a share of 1 (to rounding).
  const std::string out =
      export_to("gpkg_area", {"--format", "gpkg", "--suppress", "0", "--rule", "area"});
  const ReadBack zones = read_layer(out + "/plan.gpkg", "zones");
  std::map<std::string, std::map<std::string, std::optional<std::string>>> by_name;
  for (const auto& row : zones.rows) by_name[row.at("name").value_or("")] = row;
  ASSERT_EQ(by_name.size(), 3u);
  EXPECT_EQ(by_name["โซนเหนือ"].at("rule").value_or(""), "area");
  EXPECT_NEAR(number(by_name["โซนเหนือ"].at("target_poor")), expected_for(kNorth).target,
              1e-3 * expected_for(kNorth).target);
  EXPECT_NEAR(number(by_name["โซนใต้"].at("households")), expected_for(kSouth).households,
              1e-3 * expected_for(kSouth).households);
}

TEST_F(ExportCli, CsvAndSummary) {
  const std::string out = export_to("csv", {"--format", "csv", "--suppress", "0"});
  const ReadBack zones = read_layer(out + "/zones.csv", "");
  expect_zone_values(
      zones, [](const std::string& s) { return s; }, 0, 1e-9);
  const ReadBack interventions = read_layer(out + "/interventions.csv", "");
  EXPECT_EQ(interventions.rows.size(), kInterventions.size());

  // The summary: '#' header lines, then one row per zone, zone x dimension, agency, ...
  std::ifstream in(out + "/plan_summary.csv");
  std::string line, header;
  std::vector<std::string> notes;
  std::map<std::string, std::vector<std::vector<std::string>>> rows;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) {
      notes.push_back(line);
    } else if (header.empty()) {
      header = line;
    } else {
      const auto cells = split_csv_line(line);
      rows[cells[0]].push_back(cells);
    }
  }
  EXPECT_EQ(header,
            "kind,zone,agency,dimension,interventions,households,cost_baht,deprived_households,"
            "coverage");
  std::string all_notes;
  for (const auto& n : notes) all_notes += n + "\n";
  EXPECT_NE(all_notes.find("centroid"), std::string::npos);
  EXPECT_NE(all_notes.find("budget exceeded by 90,500 baht"), std::string::npos) << all_notes;
  std::map<std::string, double> by_agency;
  for (const Added& a : kInterventions)
    by_agency[a.agency] += static_cast<double>(a.households) * a.unit_cost;
  ASSERT_EQ(rows["agency"].size(), by_agency.size());
  for (const auto& cells : rows["agency"])
    EXPECT_DOUBLE_EQ(std::strtod(cells[6].c_str(), nullptr), by_agency.at(cells[2])) << cells[2];
  ASSERT_EQ(rows["total"].size(), 1u);
  EXPECT_EQ(rows["total"][0][4], "4");
  EXPECT_EQ(rows["total"][0][6], "390500");
  EXPECT_EQ(rows["zone"].size(), 3u);
  EXPECT_EQ(rows["zone_dimension"].size(), 15u);
  // Zone x income: planned households, the zone's households deprived in income, and their
  // ratio (the unit says so in a note).
  EXPECT_NE(all_notes.find("# coverage: planned households / households deprived"),
            std::string::npos)
      << all_notes;
  for (const auto& cells : rows["zone_dimension"]) {
    if (cells[1] != "โซนเหนือ" || cells[3] != "income") continue;
    const double deprived = expected_for(kNorth).income_households;
    EXPECT_DOUBLE_EQ(std::strtod(cells[7].c_str(), nullptr), deprived);
    EXPECT_NEAR(std::strtod(cells[8].c_str(), nullptr), 40 / deprived, 1e-5);
  }
  // Income across agencies: 40 + 25 households.
  for (const auto& cells : rows["dimension"]) {
    if (cells[3] == "income") {
      EXPECT_EQ(cells[5], "65");
    }
  }
}

TEST_F(ExportCli, SmallCountsSuppressedByDefault) {
  const std::string out = export_to("suppressed", {});
  const json j = json::parse(last_json_);
  EXPECT_EQ(j["suppress_below"], 3);
  const ReadBack zones = read_layer(out + "/zones.shp", "");
  const auto map = sidecar_map(out + "/zones.fields.json");
  expect_zone_values(
      zones, [&](const std::string& full) { return map.at(full); }, 3, 1e-9);
  // The sidecar says so on the count fields.
  const json sidecar = json::parse(read_bytes(out + "/zones.fields.json"));
  bool noted = false;
  for (const auto& f : sidecar)
    if (f["name"] == "target_poor")
      noted = f.value("note", "").find("below 3") != std::string::npos;
  EXPECT_TRUE(noted) << sidecar.dump(2);
  // At least one demo count is small enough to be blanked, or this test proves nothing.
  bool any_small = false;
  for (const auto& codes : {kNorth, kSouth, kPainted})
    for (const auto& [dim, v] : expected_for(codes).deprived) any_small |= v > 0 && v < 3;
  EXPECT_TRUE(any_small) << "pick zones with a deprived count of 1 or 2";
}

TEST_F(ExportCli, NoPersonOrHouseholdIdentifierWritten) {
  // Every national ID and house ID of the demo registries.
  std::set<std::string> ids;
  for (const char* file : {"registries/registry_jpt.csv", "registries/registry_pppconnext.csv",
                           "registries/registry_thaiqm.csv"}) {
    std::ifstream in(demo(file));
    std::string line;
    while (std::getline(in, line)) {
      std::string run;
      for (char c : line + ",") {
        if (c >= '0' && c <= '9') {
          run += c;
        } else {
          if (run.size() >= 11) ids.insert(run);  // house IDs (11) and national IDs (13)
          run.clear();
        }
      }
    }
  }
  ASSERT_GT(ids.size(), 1000u);
  for (const auto& [name, extra] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"ids_shp", {}}, {"ids_gpkg", {"--format", "gpkg"}}, {"ids_csv", {"--format", "csv"}}}) {
    const std::string out = export_to(name, extra);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
      ++files;
      const std::string bytes = read_bytes(entry.path().string());
      std::string run;
      for (char c : bytes + " ") {
        if (c >= '0' && c <= '9') {
          run += c;
          continue;
        }
        EXPECT_FALSE(ids.contains(run)) << entry.path() << " holds registry ID " << run;
        run.clear();
      }
    }
    EXPECT_GE(files, 3u) << out;
  }
}

TEST_F(ExportCli, BadUsageIsRefused) {
  const auto format =
      test::run_cli({"export", *project_, "--out", *dir_ + "/x", "--format", "kml"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(format.err.find("--format kml"), std::string::npos) << format.err;
  const auto encoding =
      test::run_cli({"export", *project_, "--out", *dir_ + "/x", "--encoding", "latin1"});
  EXPECT_EQ(encoding.exit_code, 2);
  const auto missing = test::run_cli({"export", *dir_ + "/none.chipao", "--out", *dir_ + "/x"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.chipao"), std::string::npos) << missing.err;
  const auto layer =
      test::run_cli({"export", *project_, "--out", *dir_ + "/x", "--layer", "amphoe"});
  EXPECT_EQ(layer.exit_code, 1);
  EXPECT_NE(layer.err.find("tambon"), std::string::npos)
      << "lists the layers there are: " << layer.err;
}

// Issue 3: figures that came from a municipal area assigned to its tambon are marked in the
// export; other zones carry no mark.
TEST(ExportCliAssigned, ZonesSayWhichFiguresCameFromAnAssignment) {
  GDALAllRegister();
  const std::string dir = test::temp_dir("export_cli_assigned");
  const std::string project = dir + "/assigned.chipao";
  const auto made =
      test::run_cli({"project", "new", project, "--boundaries", demo("tambon.shp"), "--table",
                     demo("tpmap/61_99_tambol_11111.csv"), "--table",
                     demo("tpmap/61_99_tambol_common.csv"), "--assign", "990151=990101"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  for (const auto& [zone, units] : std::vector<std::pair<std::string, std::string>>{
           {"เมือง", "990101,990102"}, {"ชนบท", "990103"}}) {
    const auto painted =
        test::run_cli({"zones", "paint", project, "--zone", zone, "--units", units});
    ASSERT_EQ(painted.exit_code, 0) << painted.err;
  }
  const std::string out = dir + "/csv";
  const auto exported =
      test::run_cli({"export", project, "--out", out, "--format", "csv", "--suppress", "0"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;

  const ReadBack zones = read_layer(out + "/zones.csv", "");
  const Table mask = read_tpmap(demo("tpmap/61_99_tambol_11111.csv"));
  ASSERT_FALSE(mask.contains("990101")) << "the demo's town tambon has no row of its own";
  int seen = 0;
  for (const auto& row : zones.rows) {
    const std::string name = row.at("name").value_or("");
    const std::string assigned = row.at("assigned_from").value_or("");
    if (name == "เมือง") {
      ++seen;
      EXPECT_NE(assigned.find("990101"), std::string::npos) << assigned;
      EXPECT_NE(assigned.find("990151"), std::string::npos) << assigned;
      // The town's figures are in the zone's total, through its tambon.
      EXPECT_NEAR(
          number(row.at("target_poor")),
          mask.at("990151").at("poor.JPT.MOFval.CNT") + mask.at("990102").at("poor.JPT.MOFval.CNT"),
          1e-9);
    } else if (name == "ชนบท") {
      ++seen;
      EXPECT_EQ(assigned, "");
    }
  }
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace chipao

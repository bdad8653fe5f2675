// Tests of the demo province generator (tools/demogen): determinism, the committed data/demo
// being current, the geometry (valid, nested, exactly shared borders), the TPMAP tables adding
// up, and the registries' documented anomalies.
#include <gdal.h>
#include <geos_c.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "demogen/demo_generator.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Running the generator

// Generates into a fresh temp folder; fails the calling test on an error.
fs::path generate_into(const std::string& tag) {
  const fs::path dir = chipao::test::temp_dir(tag);
  const auto summary = chipao::demogen::generate_demo(dir);
  EXPECT_TRUE(summary.has_value()) << (summary ? "" : summary.error());
  return dir;
}

// One generated output per test process, shared by the tests that only read it.
const fs::path& generated() {
  static const fs::path dir = generate_into("demogen");
  return dir;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Relative paths of all files under a folder, sorted.
std::vector<std::string> files_under(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) out.push_back(fs::relative(entry.path(), root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// File bytes with the DBF header's last-update date (bytes 1-3) zeroed: GDAL writes today's
// date there, the one thing allowed to differ between runs.
std::string comparable_bytes(const fs::path& p) {
  std::string bytes = read_bytes(p);
  if (p.extension() == ".dbf" && bytes.size() > 4) bytes[1] = bytes[2] = bytes[3] = '\0';
  return bytes;
}

// The first differing file between `expected_dir` and `actual_dir` over `names`, or "".
std::string first_difference(const fs::path& expected_dir, const fs::path& actual_dir,
                             const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (!fs::exists(actual_dir / name)) return name + " (missing)";
    if (comparable_bytes(expected_dir / name) != comparable_bytes(actual_dir / name)) return name;
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// GEOS and GDAL helpers

class Geos {
 public:
  Geos() : h_(GEOS_init_r()) {}
  ~Geos() { GEOS_finish_r(h_); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;
  GEOSContextHandle_t h() const { return h_; }

 private:
  GEOSContextHandle_t h_;
};

struct GeomDeleter {
  GEOSContextHandle_t h;
  void operator()(GEOSGeometry* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(h, g);
  }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct Feature {
  std::map<std::string, std::string> fields;
  Geom geometry;
};

struct DatasetCloser {
  void operator()(void* ds) const {
    if (ds != nullptr) GDALClose(ds);
  }
};

std::vector<Feature> read_layer(const Geos& geos, const fs::path& path) {
  GDALAllRegister();
  std::unique_ptr<void, DatasetCloser> ds(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  std::vector<Feature> out;
  if (!ds) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  GEOSWKBReader* reader = GEOSWKBReader_create_r(geos.h());
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    Feature feature{{}, Geom(nullptr, GeomDeleter{geos.h()})};
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
      feature.fields[OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))] =
          OGR_F_GetFieldAsString(f, i);
    }
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
      std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)));
      OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
      feature.geometry.reset(GEOSWKBReader_read_r(geos.h(), reader, wkb.data(), wkb.size()));
    }
    OGR_F_Destroy(f);
    out.push_back(std::move(feature));
  }
  GEOSWKBReader_destroy_r(geos.h(), reader);
  return out;
}

double area(const Geos& geos, const GEOSGeometry* g) {
  double a = 0.0;
  GEOSArea_r(geos.h(), g, &a);
  return a;
}

// Area of the symmetric difference between the union of `parts` and `whole`.
double mismatch_area(const Geos& geos, const std::vector<const GEOSGeometry*>& parts,
                     const GEOSGeometry* whole) {
  std::vector<GEOSGeometry*> copies;
  for (const GEOSGeometry* p : parts) copies.push_back(GEOSGeom_clone_r(geos.h(), p));
  Geom collection(GEOSGeom_createCollection_r(geos.h(), GEOS_GEOMETRYCOLLECTION, copies.data(),
                                              static_cast<unsigned>(copies.size())),
                  GeomDeleter{geos.h()});
  Geom merged(GEOSUnaryUnion_r(geos.h(), collection.get()), GeomDeleter{geos.h()});
  Geom diff(GEOSSymDifference_r(geos.h(), merged.get(), whole), GeomDeleter{geos.h()});
  return area(geos, diff.get());
}

struct XY {
  double x;
  double y;
  bool operator<(const XY& o) const { return x < o.x || (x == o.x && y < o.y); }
  bool operator==(const XY& o) const { return x == o.x && y == o.y; }
};
using Segment = std::pair<XY, XY>;  // ordered so first < second

void collect_ring_segments(const Geos& geos, const GEOSGeometry* ring,
                           std::map<Segment, int>& counts) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos.h(), ring);
  unsigned size = 0;
  GEOSCoordSeq_getSize_r(geos.h(), seq, &size);
  XY previous{};
  for (unsigned i = 0; i < size; ++i) {
    XY p{};
    GEOSCoordSeq_getXY_r(geos.h(), seq, i, &p.x, &p.y);
    if (i > 0) ++counts[previous < p ? Segment{previous, p} : Segment{p, previous}];
    previous = p;
  }
}

// How often each undirected segment occurs in the rings of the given polygons.
std::map<Segment, int> segment_counts(const Geos& geos,
                                      const std::vector<const GEOSGeometry*>& polygons) {
  std::map<Segment, int> counts;
  for (const GEOSGeometry* g : polygons) {
    for (int part = 0; part < GEOSGetNumGeometries_r(geos.h(), g); ++part) {
      const GEOSGeometry* polygon = GEOSGetGeometryN_r(geos.h(), g, part);
      collect_ring_segments(geos, GEOSGetExteriorRing_r(geos.h(), polygon), counts);
      for (int i = 0; i < GEOSGetNumInteriorRings_r(geos.h(), polygon); ++i) {
        collect_ring_segments(geos, GEOSGetInteriorRingN_r(geos.h(), polygon, i), counts);
      }
    }
  }
  return counts;
}

std::vector<const GEOSGeometry*> geometries(const std::vector<Feature>& features) {
  std::vector<const GEOSGeometry*> out;
  for (const Feature& f : features) out.push_back(f.geometry.get());
  return out;
}

bool all_digits(const std::string& s, std::size_t length) {
  return s.size() == length &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---------------------------------------------------------------------------------------------
// CSV helpers (the demo files have no commas inside fields)

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> raw_lines;  // as written, for checking quoting

  int column(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  }
  std::map<std::string, std::vector<std::string>> by_key() const {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& r : rows) out[r[0]] = r;
    return out;
  }
};

std::string unquoted(const std::string& s) {
  return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : s;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) out.push_back(cell);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

Table read_csv(const fs::path& path) {
  Table t;
  std::istringstream in(read_bytes(path));
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    for (const std::string& c : split(line, ',')) cells.push_back(unquoted(c));
    if (first) {
      t.header = cells;
      first = false;
    } else {
      t.rows.push_back(cells);
      t.raw_lines.push_back(line);
    }
  }
  return t;
}

long as_long(const std::string& s) {
  return std::stol(s);
}

const std::array<const char*, 5> kDimensionColumns{
    "poor.JPT.MOFval.health", "poor.JPT.MOFval.living", "poor.JPT.MOFval.education",
    "poor.JPT.MOFval.income", "poor.JPT.MOFval.accessibility"};

std::string mask_name(int mask) {
  std::string s;
  for (int d = 0; d < 5; ++d) s += (mask >> d & 1) ? '1' : '0';
  return s;
}

fs::path tpmap_file(const std::string& level, const std::string& suffix) {
  return generated() / "tpmap" / ("61_99_" + level + "_" + suffix + ".csv");
}

// Columns that are counts and must add up from one level to the next.
bool is_count_column(const std::string& name) {
  return name != "happiness" && name != "JPT.MOFval.pov.rate" && name != "province_ID";
}

// Checks that the rows of `parts`, grouped by the first `prefix` characters of their ID, sum
// to the rows of `wholes` in every count column.
void expect_sums(const Table& parts, const Table& wholes, std::size_t prefix,
                 const std::string& what) {
  ASSERT_EQ(std::vector<std::string>(parts.header.begin() + 1, parts.header.end()),
            std::vector<std::string>(wholes.header.begin() + 1, wholes.header.end()))
      << what;
  std::map<std::string, std::vector<long>> sums;
  for (const auto& row : parts.rows) {
    std::vector<long>& sum = sums[row[0].substr(0, prefix)];
    sum.resize(row.size(), 0);
    for (std::size_t c = 1; c < row.size(); ++c) {
      if (is_count_column(parts.header[c])) sum[c] += as_long(row[c]);
    }
  }
  ASSERT_EQ(sums.size(), wholes.rows.size())
      << what << ": rows without parts or parts without rows";
  for (const auto& row : wholes.rows) {
    ASSERT_TRUE(sums.count(row[0])) << what << ": no parts for " << row[0];
    const std::vector<long>& sum = sums[row[0]];
    for (std::size_t c = 1; c < row.size(); ++c) {
      if (!is_count_column(wholes.header[c])) continue;
      EXPECT_EQ(sum[c], as_long(row[c])) << what << ": " << row[0] << " " << wholes.header[c];
    }
  }
}

std::string readme() {
  return read_bytes(fs::path(chipao::test::source_dir()) / "data/demo/README.md");
}

bool valid_thai_id(const std::string& id) {
  if (!all_digits(id, 13)) return false;
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * (13 - i);
  return id[12] - '0' == (11 - sum % 11) % 10;
}

// ---------------------------------------------------------------------------------------------
// Determinism and the committed copy

TEST(DemogenDeterminism, TwoRunsWriteTheSameBytes) {
  const fs::path a = generated();
  const fs::path b = generate_into("demogen-again");
  const std::vector<std::string> names = files_under(a);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names, files_under(b));
  EXPECT_EQ(first_difference(a, b, names), "");
}

TEST(DemogenDeterminism, CommittedDataDemoIsCurrent) {
  const fs::path committed = fs::path(chipao::test::source_dir()) / "data" / "demo";
  const std::vector<std::string> names = files_under(generated());
  EXPECT_EQ(first_difference(generated(), committed, names), "")
      << "data/demo is stale: rerun chipao-demogen --out data/demo";
  // Nothing else lies there but the hand-written README.
  std::vector<std::string> committed_names = files_under(committed);
  std::erase(committed_names, "README.md");
  EXPECT_EQ(committed_names, names);
}

TEST(DemogenDeterminism, DataStaysSmall) {
  std::uintmax_t total = 0;
  for (const std::string& name : files_under(generated())) {
    total += fs::file_size(generated() / name);
  }
  EXPECT_LT(total, 6u * 1024u * 1024u);
}

// ---------------------------------------------------------------------------------------------
// Boundary layers

TEST(DemogenLayers, FeatureCountsAreInRange) {
  const Geos geos;
  EXPECT_EQ(read_layer(geos, generated() / "province.shp").size(), 1u);
  const auto amphoe = read_layer(geos, generated() / "amphoe.shp");
  EXPECT_GE(amphoe.size(), 6u);
  EXPECT_LE(amphoe.size(), 10u);
  const auto tambon = read_layer(geos, generated() / "tambon.shp");
  EXPECT_GE(tambon.size(), 60u);
  EXPECT_LE(tambon.size(), 100u);
  const auto village = read_layer(geos, generated() / "village.shp");
  EXPECT_GE(village.size(), 550u);
  EXPECT_LE(village.size(), 850u);
  EXPECT_EQ(read_layer(geos, generated() / "village_point.geojson").size(), village.size());
}

TEST(DemogenLayers, FilesDeclareUtf8AndWgs84) {
  for (const char* layer : {"province", "amphoe", "tambon", "village"}) {
    EXPECT_EQ(read_bytes(generated() / (std::string(layer) + ".cpg")), "UTF-8") << layer;
    EXPECT_NE(read_bytes(generated() / (std::string(layer) + ".prj")).find("WGS_1984"),
              std::string::npos)
        << layer;
  }
}

TEST(DemogenLayers, AllPolygonsAreValidAndInOnePiece) {
  const Geos geos;
  for (const char* layer : {"province", "amphoe", "tambon", "village"}) {
    for (const Feature& f : read_layer(geos, generated() / (std::string(layer) + ".shp"))) {
      ASSERT_NE(f.geometry, nullptr) << layer;
      EXPECT_EQ(GEOSisValid_r(geos.h(), f.geometry.get()), 1) << layer;
      EXPECT_EQ(GEOSGetNumGeometries_r(geos.h(), f.geometry.get()), 1)
          << layer << " feature in several pieces";
      EXPECT_GT(area(geos, f.geometry.get()), 0.0) << layer;
    }
  }
}

TEST(DemogenLayers, CodesNestWithParentPrefixes) {
  const Geos geos;
  const auto province = read_layer(geos, generated() / "province.shp");
  ASSERT_EQ(province.size(), 1u);
  EXPECT_EQ(province[0].fields.at("pro_code"), "99");
  EXPECT_EQ(province[0].fields.at("pro_en"), "Phana Suk");

  std::set<std::string> amphoe_codes;
  for (const Feature& f : read_layer(geos, generated() / "amphoe.shp")) {
    const std::string& code = f.fields.at("amp_code");
    EXPECT_TRUE(all_digits(code, 4)) << code;
    EXPECT_EQ(code.substr(0, 2), f.fields.at("pro_code"));
    EXPECT_EQ(f.fields.at("pro_code"), "99");
    EXPECT_FALSE(f.fields.at("amp_th").empty());
    EXPECT_TRUE(amphoe_codes.insert(code).second) << "duplicate " << code;
  }
  EXPECT_TRUE(amphoe_codes.count("9901"));

  std::set<std::string> tambon_codes;
  std::map<std::string, std::set<std::string>> tambon_names_by_amphoe;
  for (const Feature& f : read_layer(geos, generated() / "tambon.shp")) {
    const std::string& code = f.fields.at("tam_code");
    EXPECT_TRUE(all_digits(code, 6)) << code;
    EXPECT_LT(std::stoi(code.substr(4)), 51) << "a municipal code has a polygon: " << code;
    EXPECT_EQ(code.substr(0, 4), f.fields.at("amp_code"));
    EXPECT_TRUE(amphoe_codes.count(f.fields.at("amp_code"))) << code;
    EXPECT_EQ(f.fields.at("pro_code"), "99");
    EXPECT_TRUE(tambon_codes.insert(code).second) << "duplicate " << code;
    EXPECT_TRUE(tambon_names_by_amphoe[code.substr(0, 4)].insert(f.fields.at("tam_th")).second)
        << "tambon name repeated within its amphoe: " << code;
  }

  std::set<std::string> village_codes;
  std::map<std::string, std::set<std::string>> village_names_by_tambon;
  std::string all_names;
  for (const Feature& f : read_layer(geos, generated() / "village.shp")) {
    const std::string& code = f.fields.at("VILL_IDN");
    EXPECT_TRUE(all_digits(code, 8)) << code;
    EXPECT_EQ(code, f.fields.at("TAM_IDN") + f.fields.at("VILL_CODE"));
    EXPECT_TRUE(all_digits(f.fields.at("VILL_CODE"), 2));
    EXPECT_TRUE(tambon_codes.count(f.fields.at("TAM_IDN"))) << code;
    EXPECT_EQ(f.fields.at("AMP_IDN"), code.substr(0, 4));
    EXPECT_EQ(f.fields.at("PROV_CODE"), "99");
    EXPECT_EQ(f.fields.at("VILL_NM_T").rfind("บ้าน", 0), 0u) << code;
    EXPECT_EQ(f.fields.at("VILL_NM_E").rfind("Ban ", 0), 0u) << code;
    EXPECT_TRUE(village_codes.insert(code).second) << "duplicate " << code;
    EXPECT_TRUE(
        village_names_by_tambon[f.fields.at("TAM_IDN")].insert(f.fields.at("VILL_NM_T")).second)
        << "village name repeated within its tambon: " << code;
    all_names += f.fields.at("VILL_NM_T");
  }
  // Every tambon has villages, numbered from 01.
  for (const std::string& t : tambon_codes) EXPECT_TRUE(village_codes.count(t + "01")) << t;
  // The renderer's Thai shaping is tested on marks over tall consonants and on tails.
  for (const char* word : {"ป่", "ปู่", "ฝั่ง", "ฟ้า", "ญ", "ฐ"}) {
    EXPECT_NE(all_names.find(word), std::string::npos) << word;
  }
}

TEST(DemogenLayers, VillagePointsLieInTheirVillages) {
  const Geos geos;
  const auto villages = read_layer(geos, generated() / "village.shp");
  const auto points = read_layer(geos, generated() / "village_point.geojson");
  std::map<std::string, const GEOSGeometry*> polygon_of;
  for (const Feature& f : villages) polygon_of[f.fields.at("VILL_IDN")] = f.geometry.get();
  for (const Feature& p : points) {
    const std::string& code = p.fields.at("VILL_IDN");
    ASSERT_TRUE(polygon_of.count(code)) << code;
    EXPECT_EQ(GEOSIntersects_r(geos.h(), polygon_of[code], p.geometry.get()), 1) << code;
  }
}

TEST(DemogenLayers, VillagesTileTambonsAndTambonsTileAmphoe) {
  const Geos geos;
  const auto villages = read_layer(geos, generated() / "village.shp");
  const auto tambons = read_layer(geos, generated() / "tambon.shp");
  const auto amphoes = read_layer(geos, generated() / "amphoe.shp");
  const auto province = read_layer(geos, generated() / "province.shp");
  constexpr double kTolerance = 1e-9;  // square degrees

  std::map<std::string, std::vector<const GEOSGeometry*>> villages_of;
  for (const Feature& f : villages) villages_of[f.fields.at("TAM_IDN")].push_back(f.geometry.get());
  for (const Feature& t : tambons) {
    EXPECT_LT(mismatch_area(geos, villages_of[t.fields.at("tam_code")], t.geometry.get()),
              kTolerance)
        << "tambon " << t.fields.at("tam_code");
  }
  std::map<std::string, std::vector<const GEOSGeometry*>> tambons_of;
  for (const Feature& f : tambons) tambons_of[f.fields.at("amp_code")].push_back(f.geometry.get());
  for (const Feature& a : amphoes) {
    EXPECT_LT(mismatch_area(geos, tambons_of[a.fields.at("amp_code")], a.geometry.get()),
              kTolerance)
        << "amphoe " << a.fields.at("amp_code");
  }
  EXPECT_LT(mismatch_area(geos, geometries(amphoes), province[0].geometry.get()), kTolerance);
}

TEST(DemogenLayers, NeighbouringTambonsShareBordersExactly) {
  const Geos geos;
  const auto tambons = read_layer(geos, generated() / "tambon.shp");
  const auto province = read_layer(geos, generated() / "province.shp");
  int touching_pairs = 0;
  double total_area = 0.0;
  for (std::size_t i = 0; i < tambons.size(); ++i) {
    const GEOSGeometry* a = tambons[i].geometry.get();
    total_area += area(geos, a);
    for (std::size_t j = i + 1; j < tambons.size(); ++j) {
      const GEOSGeometry* b = tambons[j].geometry.get();
      Geom ea(GEOSEnvelope_r(geos.h(), a), GeomDeleter{geos.h()});
      Geom eb(GEOSEnvelope_r(geos.h(), b), GeomDeleter{geos.h()});
      if (GEOSIntersects_r(geos.h(), ea.get(), eb.get()) != 1) continue;
      Geom overlap(GEOSIntersection_r(geos.h(), a, b), GeomDeleter{geos.h()});
      ASSERT_NE(overlap, nullptr);
      EXPECT_LT(area(geos, overlap.get()), 1e-12)
          << tambons[i].fields.at("tam_code") << " overlaps " << tambons[j].fields.at("tam_code");
      if (GEOSTouches_r(geos.h(), a, b) == 1) ++touching_pairs;
    }
  }
  EXPECT_GT(touching_pairs, static_cast<int>(tambons.size()));
  const double province_area = area(geos, province[0].geometry.get());
  EXPECT_NEAR(total_area, province_area, province_area * 1e-9);
  // No gaps: the province has no holes.
  EXPECT_EQ(GEOSGetNumInteriorRings_r(geos.h(), province[0].geometry.get()), 0);
}

// Exact sharing, vertex for vertex: every segment of every village ring is either on the
// province outline (once) or shared with exactly one neighbour (twice); the same holds for
// tambons and amphoe, whose segments are all village segments.
TEST(DemogenLayers, BorderSegmentsAreSharedVertexForVertex) {
  const Geos geos;
  const auto province = read_layer(geos, generated() / "province.shp");
  const std::map<Segment, int> outline = segment_counts(geos, geometries(province));
  const std::map<Segment, int> village_segments =
      segment_counts(geos, geometries(read_layer(geos, generated() / "village.shp")));
  for (const char* layer : {"village", "tambon", "amphoe"}) {
    const auto features = read_layer(geos, generated() / (std::string(layer) + ".shp"));
    const std::map<Segment, int> counts = segment_counts(geos, geometries(features));
    int once = 0;
    int bad = 0;
    for (const auto& [segment, n] : counts) {
      if (n == 1) {
        ++once;
        if (!outline.count(segment)) ++bad;  // an unshared segment inside the province
      } else if (n != 2) {
        ++bad;
      }
      if (!village_segments.count(segment)) ++bad;  // a vertex no village has
    }
    EXPECT_EQ(bad, 0) << layer;
    EXPECT_EQ(static_cast<std::size_t>(once), outline.size()) << layer;
  }
}

// ---------------------------------------------------------------------------------------------
// TPMAP tables

TEST(DemogenTpmap, FilesAndColumnsFollowTheRealLayout) {
  for (const char* level : {"tambol", "amphur"}) {
    EXPECT_TRUE(fs::exists(tpmap_file(level, "common"))) << level;
    for (int mask = 1; mask <= 31; ++mask) {
      EXPECT_TRUE(fs::exists(tpmap_file(level, mask_name(mask)))) << level << mask_name(mask);
    }
  }
  EXPECT_TRUE(fs::exists(tpmap_file("village", "11111")));
  EXPECT_TRUE(fs::exists(tpmap_file("village", "common")));

  const Table mask = read_csv(tpmap_file("tambol", "11111"));
  ASSERT_EQ(mask.header.size(), 43u);
  EXPECT_EQ(mask.header[0], "tumbol_ID");
  EXPECT_EQ(mask.header[4], "poor.JPT.MOFval.CNT");
  EXPECT_EQ(mask.header[10], "JPT.MOFval.pov.rate");
  EXPECT_EQ(mask.header[11], "poor.JPT.MOFval.ind1.CNT");
  EXPECT_EQ(mask.header.back(), "province_ID");
  const Table common = read_csv(tpmap_file("tambol", "common"));
  ASSERT_EQ(common.header.size(), 72u);
  EXPECT_EQ(common.header[8], "happiness");
  EXPECT_EQ(common.header[9], "indicator1.ALL");
  EXPECT_EQ(common.header[40], "indicator1.CNT");

  // The same header bytes as the real TPMAP 2561 files, when ../shared/data is present.
  const std::string real =
      chipao::test::shared_data("tpmap2561_via_newknp/tambol/61_35_tambol_11111.csv");
  if (!real.empty()) {
    auto first_line = [](const fs::path& p) {
      std::ifstream in(p);
      std::string line;
      std::getline(in, line);
      return line;
    };
    EXPECT_EQ(first_line(tpmap_file("tambol", "11111")), first_line(real));
    EXPECT_EQ(first_line(tpmap_file("tambol", "common")),
              first_line(fs::path(real).parent_path() / "61_35_tambol_common.csv"));
  } else {
    std::cout
        << "[ SKIPPED  ] header comparison with the real TPMAP files: ../shared/data is absent\n";
  }

  // Quoting as in the real files: tambon and village IDs quoted, amphoe IDs bare.
  EXPECT_EQ(mask.raw_lines.front().rfind("\"99", 0), 0u);
  EXPECT_EQ(mask.raw_lines.front().substr(mask.raw_lines.front().size() - 5), ",\"99\"");
  const Table amphur = read_csv(tpmap_file("amphur", "11111"));
  EXPECT_EQ(amphur.raw_lines.front().rfind("99", 0), 0u);
}

TEST(DemogenTpmap, MunicipalAreasAreReportedAsPseudoTambons) {
  const auto rows = read_csv(tpmap_file("tambol", "common")).by_key();
  EXPECT_TRUE(rows.count("990151"));
  EXPECT_FALSE(rows.count("990101")) << "the city tambon is reported under 990151 only";
  EXPECT_TRUE(rows.count("990451"));
  EXPECT_TRUE(rows.count("990401")) << "990401 keeps its people outside the municipality";
  const auto villages = read_csv(tpmap_file("village", "common")).by_key();
  EXPECT_TRUE(villages.count("9901510101"));
  EXPECT_TRUE(villages.count("9904510101"));
  EXPECT_FALSE(villages.count("9901010101"));
  // A few further communities (suffix 02) exist.
  int communities = 0;
  for (const auto& [id, row] : villages) communities += id.substr(8) == "02" ? 1 : 0;
  EXPECT_GE(communities, 3);

  // Every non-municipal tambon row has a polygon, and every village row a muban polygon.
  const Geos geos;
  std::set<std::string> tambon_polygons;
  for (const Feature& f : read_layer(geos, generated() / "tambon.shp")) {
    tambon_polygons.insert(f.fields.at("tam_code"));
  }
  std::set<std::string> village_polygons;
  for (const Feature& f : read_layer(geos, generated() / "village.shp")) {
    village_polygons.insert(f.fields.at("VILL_IDN"));
  }
  for (const auto& [id, row] : rows) {
    if (std::stoi(id.substr(4)) < 51) {
      EXPECT_TRUE(tambon_polygons.count(id)) << id;
    }
  }
  for (const auto& [id, row] : villages) {
    if (std::stoi(id.substr(4, 2)) < 51) {
      EXPECT_TRUE(village_polygons.count(id.substr(0, 8))) << id;
    }
  }
}

TEST(DemogenTpmap, VillagesAddUpToTambonsAndTambonsToAmphoe) {
  expect_sums(read_csv(tpmap_file("village", "common")), read_csv(tpmap_file("tambol", "common")),
              6, "village->tambon common");
  expect_sums(read_csv(tpmap_file("village", "11111")), read_csv(tpmap_file("tambol", "11111")), 6,
              "village->tambon 11111");
  for (int mask = 1; mask <= 31; ++mask) {
    expect_sums(read_csv(tpmap_file("tambol", mask_name(mask))),
                read_csv(tpmap_file("amphur", mask_name(mask))), 4,
                "tambon->amphoe " + mask_name(mask));
  }
  expect_sums(read_csv(tpmap_file("tambol", "common")), read_csv(tpmap_file("amphur", "common")), 4,
              "tambon->amphoe common");
}

TEST(DemogenTpmap, MasksAreUnionsOfDimensions) {
  for (const char* level : {"tambol", "amphur"}) {
    std::array<std::map<std::string, std::vector<std::string>>, 32> by_mask;
    for (int mask = 1; mask <= 31; ++mask) {
      by_mask[static_cast<std::size_t>(mask)] =
          read_csv(tpmap_file(level, mask_name(mask))).by_key();
    }
    const Table header_source = read_csv(tpmap_file(level, "11111"));
    long total_target_poor = 0;
    for (const auto& [id, full] : by_mask[31]) {
      for (int mask = 1; mask <= 31; ++mask) {
        const auto& row = by_mask[static_cast<std::size_t>(mask)].at(id);
        for (const char* column :
             {"poor.household.CNT", "poor.JPT.CNT", "poor.JPT.MOFreg.CNT", "poor.JPT.MOFval.CNT"}) {
          const auto c = static_cast<std::size_t>(header_source.column(column));
          long sum_single = 0;
          long max_single = 0;
          for (int d = 0; d < 5; ++d) {
            if ((mask >> d & 1) == 0) continue;
            const long single = as_long(by_mask[static_cast<std::size_t>(1 << d)].at(id)[c]);
            sum_single += single;
            max_single = std::max(max_single, single);
          }
          EXPECT_LE(as_long(row[c]), sum_single)
              << level << " " << id << " " << mask_name(mask) << " " << column;
          EXPECT_GE(as_long(row[c]), max_single)
              << level << " " << id << " " << mask_name(mask) << " " << column;
        }
        // A dimension's column is its single-dimension count when selected, else 0.
        for (int d = 0; d < 5; ++d) {
          const auto c = static_cast<std::size_t>(
              header_source.column(kDimensionColumns[static_cast<std::size_t>(d)]));
          const long expected = (mask >> d & 1) != 0
                                    ? as_long(by_mask[static_cast<std::size_t>(1 << d)].at(id)[c])
                                    : 0;
          EXPECT_EQ(as_long(row[c]), expected) << level << " " << id << " " << mask_name(mask);
        }
      }
      total_target_poor += as_long(full[4]);
    }
    EXPECT_GT(total_target_poor, 0) << level;
  }
}

TEST(DemogenTpmap, RatesAreRecomputedFromCounts) {
  for (const char* level : {"village", "tambol", "amphur"}) {
    const auto common = read_csv(tpmap_file(level, "common")).by_key();
    const Table table = read_csv(tpmap_file(level, "11111"));
    const auto rate_column = static_cast<std::size_t>(table.column("JPT.MOFval.pov.rate"));
    for (const auto& row : table.rows) {
      const double persons = static_cast<double>(as_long(common.at(row[0])[2]));
      const double expected = 100.0 * static_cast<double>(as_long(row[4])) / persons;
      EXPECT_NEAR(std::stod(row[rate_column]), expected, 1e-12 * std::max(1.0, expected))
          << level << " " << row[0];
    }
  }
  // Happiness is a mean over households, so the sums weighted by households agree.
  const Table villages = read_csv(tpmap_file("village", "common"));
  const auto tambons = read_csv(tpmap_file("tambol", "common")).by_key();
  std::map<std::string, double> weighted;
  for (const auto& row : villages.rows) {
    weighted[row[0].substr(0, 6)] += std::stod(row[8]) * static_cast<double>(as_long(row[1]));
  }
  for (const auto& [id, row] : tambons) {
    EXPECT_NEAR(std::stod(row[8]) * static_cast<double>(as_long(row[1])), weighted[id], 1e-6) << id;
  }
}

// ---------------------------------------------------------------------------------------------
// Household registries

struct RegistryIds {
  std::vector<std::pair<std::string, std::string>> ids;  // (registry, id)
  std::map<std::string, std::set<std::string>> houses;   // registry -> house ids
  std::map<std::string, std::string> village_of;         // "registry/house" -> village code
};

RegistryIds read_registries() {
  RegistryIds r;
  const fs::path dir = generated() / "registries";
  for (const auto& row : read_csv(dir / "registry_jpt.csv").rows) {
    for (const std::string& id : split(row[2], '|')) r.ids.emplace_back("jpt", id);
    r.houses["jpt"].insert(row[0]);
    r.village_of["jpt/" + row[0]] = row[1];
  }
  for (const auto& row : read_csv(dir / "registry_pppconnext.csv").rows) {
    r.ids.emplace_back("pppconnext", row[1]);
    r.houses["pppconnext"].insert(row[0]);
    r.village_of["pppconnext/" + row[0]] = row[2];
  }
  for (const auto& row : read_csv(dir / "registry_thaiqm.csv").rows) {
    for (const std::string& id : split(row[2], ';')) r.ids.emplace_back("thaiqm", id);
    r.houses["thaiqm"].insert(row[0]);
    r.village_of["thaiqm/" + row[0]] = row[1];
  }
  return r;
}

TEST(DemogenRegistries, OnlyTheDocumentedIdsHaveWrongCheckDigits) {
  const RegistryIds r = read_registries();
  const std::string doc = readme();
  const Table anomalies = read_csv(generated() / "registries" / "anomalies.csv");
  std::set<std::string> documented;
  for (const auto& row : anomalies.rows) {
    if (row[0] == "bad_check_digit") documented.insert(row[4]);
  }
  EXPECT_EQ(documented.size(), 3u);
  std::set<std::string> invalid;
  for (const auto& [registry, id] : r.ids) {
    ASSERT_TRUE(all_digits(id, 13)) << registry << " " << id;
    if (!valid_thai_id(id)) invalid.insert(id);
  }
  EXPECT_EQ(invalid, documented);
  for (const std::string& id : invalid) {
    EXPECT_NE(doc.find(id), std::string::npos) << id << " is not listed in data/demo/README.md";
  }
  EXPECT_GT(r.ids.size(), 10000u);
}

TEST(DemogenRegistries, OnlyTheDocumentedHouseholdsHaveUnknownVillages) {
  const Geos geos;
  std::set<std::string> villages;
  for (const Feature& f : read_layer(geos, generated() / "village.shp")) {
    villages.insert(f.fields.at("VILL_IDN"));
  }
  const RegistryIds r = read_registries();
  std::set<std::string> unknown;
  for (const auto& [key, code] : r.village_of) {
    EXPECT_TRUE(all_digits(code, 8)) << key;
    if (!villages.count(code)) unknown.insert(key.substr(key.find('/') + 1));
  }
  EXPECT_EQ(unknown.size(), 2u);
  const std::string doc = readme();
  for (const std::string& house : unknown) {
    EXPECT_NE(doc.find(house), std::string::npos) << house << " is not listed in README.md";
  }
}

TEST(DemogenRegistries, OverlapAndConflictsAreAsDocumented) {
  const RegistryIds r = read_registries();
  std::map<std::string, int> listings;
  for (const auto& [registry, houses] : r.houses) {
    for (const std::string& h : houses) ++listings[h];
  }
  int multiple = 0;
  for (const auto& [house, n] : listings) multiple += n >= 2 ? 1 : 0;
  const double share = static_cast<double>(multiple) / static_cast<double>(listings.size());
  EXPECT_GT(share, 0.15);
  EXPECT_LT(share, 0.25);

  // Member counts disagree between JPT and PPP Connext only where documented.
  const fs::path dir = generated() / "registries";
  std::map<std::string, long> jpt_members;
  for (const auto& row : read_csv(dir / "registry_jpt.csv").rows) {
    jpt_members[row[0]] = as_long(row[3]);
    EXPECT_EQ(static_cast<long>(split(row[2], '|').size()), as_long(row[3])) << row[0];
  }
  std::map<std::string, long> ppp_members;
  for (const auto& row : read_csv(dir / "registry_pppconnext.csv").rows) ++ppp_members[row[0]];
  std::set<std::string> disagreeing;
  for (const auto& [house, n] : ppp_members) {
    if (jpt_members.count(house) && jpt_members[house] != n) disagreeing.insert(house);
  }
  std::set<std::string> documented;
  const std::string doc = readme();
  for (const auto& row : read_csv(dir / "anomalies.csv").rows) {
    if (row[0] == "conflict_member_count" && row[1] == "pppconnext") documented.insert(row[2]);
    EXPECT_NE(doc.find(row[2]), std::string::npos) << row[2] << " is not listed in README.md";
  }
  EXPECT_EQ(disagreeing, documented);
}

TEST(DemogenRegistries, ThaiQmIsTis620WithoutBom) {
  const std::string bytes = read_bytes(generated() / "registries" / "registry_thaiqm.csv");
  ASSERT_GT(bytes.size(), 3u);
  EXPECT_NE(bytes.substr(0, 3), "\xEF\xBB\xBF");
  // "รหัสบ้าน" in TIS-620: one byte per character, code point - 0x0E01 + 0xA1.
  EXPECT_EQ(bytes.substr(0, 8), "\xC3\xCB\xD1\xCA\xBA\xE9\xD2\xB9");
  EXPECT_NE(bytes.find("\r\n"), std::string::npos);
}

}  // namespace

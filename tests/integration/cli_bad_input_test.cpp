// chipao-cli info on inputs users really bring: broken shapefile sets, empty and table-only
// layers, unknown CRS, wrong codes, TIS-620 text, odd file names, 3D and invalid polygons, and
// the same layer in every supported format. Each case writes its fixture with GDAL into a temp
// folder and runs the real CLI binary.
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/geo/area.h"
#include "core/io/boundary_reader.h"
#include "support/fixtures.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using chipao::test::CommandResult;
using chipao::test::FixtureFeature;
using chipao::test::FixtureField;
using chipao::test::FixtureLayer;
using chipao::test::run_cli;
using chipao::test::temp_dir;
using chipao::test::write_fixture;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------------
// Small helpers

// An axis-aligned square ring as WKT, lon/lat or metres.
std::string square(double x, double y, double size) {
  std::ostringstream s;
  s.precision(12);
  s << "POLYGON((" << x << " " << y << "," << x + size << " " << y << "," << x + size << " "
    << y + size << "," << x << " " << y + size << "," << x << " " << y << "))";
  return s.str();
}

// Three tambon of Bangkok's Phra Nakhon district, side by side, 0.01 degree squares.
FixtureLayer tambon_layer(const std::string& path, const std::string& driver = "ESRI Shapefile") {
  FixtureLayer l;
  l.driver = driver;
  l.path = path;
  l.layer_name = "tambon";
  l.fields = {{"ADM3_PCODE"}, {"ADM3_EN"}};
  l.features = {{square(100.49, 13.75, 0.01), {"TH100101", "Phra Borom Maha Ratchawang"}},
                {square(100.50, 13.75, 0.01), {"TH100102", "Wang Burapha Phirom"}},
                {square(100.51, 13.75, 0.01), {"TH100103", "Wat Ratchabophit"}}};
  return l;
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A hard failure prints exactly one line on stderr and nothing else.
::testing::AssertionResult one_line(const std::string& err) {
  if (err.empty() || err.back() != '\n' || count_lines(err) != 1) {
    return ::testing::AssertionFailure() << "expected exactly one line on stderr, got:\n" << err;
  }
  return ::testing::AssertionSuccess();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Case-insensitive "contains", with the text in the failure message.
::testing::AssertionResult mentions(const std::string& text, const std::string& word) {
  if (lower(text).find(lower(word)) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << word << "' not found in: " << text;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

json parse_json(const CommandResult& r) {
  try {
    return json::parse(r.out);
  } catch (const json::exception& e) {
    ADD_FAILURE() << "stdout is not JSON (" << e.what() << "):\n"
                  << r.out << "\nstderr:\n"
                  << r.err;
    return json::object();
  }
}

// The warning lines ("warning: ...") that the CLI printed on stderr.
std::vector<std::string> warning_lines(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("warning: ")) out.push_back(line);
  }
  return out;
}

// Own UTF-8 validator, independent of the one under test.
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      n = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      n = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      n = 4;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    const std::uint32_t smallest = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

// UTF-8 Thai (and ASCII) to TIS-620 bytes: byte = code point - 0x0E01 + 0xA1.
std::string to_tis620(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    // Thai letters are three-byte sequences (U+0E01..U+0E5B).
    EXPECT_EQ(b & 0xF0, 0xE0) << "only Thai letters and ASCII are expected here";
    const std::uint32_t cp = ((b & 0x0Fu) << 12) |
                             ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
                             (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
    EXPECT_TRUE(cp >= 0x0E01 && cp <= 0x0E5B) << "not a Thai letter: U+" << std::hex << cp;
    out.push_back(static_cast<char>(cp - 0x0E01 + 0xA1));
    i += 3;
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Bytes that no vector driver can recognise (a fixed pseudo-random sequence, so runs repeat).
std::string garbage(std::size_t n) {
  std::string out(n, '\0');
  std::uint32_t state = 2463534242u;
  for (char& c : out) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    c = static_cast<char>(state & 0xFF);
  }
  return out;
}

// Every file of a shapefile set beside `shp` (same stem).
std::vector<fs::path> shapefile_set(const fs::path& shp) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(shp.parent_path())) {
    if (entry.path().stem() == shp.stem()) files.push_back(entry.path());
  }
  return files;
}

// Zips files (stored by file name) with GDAL's /vsizip/ writer, so no zip tool is needed.
std::string zip_files(const fs::path& zip, const std::vector<fs::path>& files) {
  for (const fs::path& f : files) {
    const std::string inside = "/vsizip/" + zip.string() + "/" + f.filename().string();
    VSILFILE* out = VSIFOpenL(inside.c_str(), "wb");
    if (out == nullptr) return "cannot create " + inside;
    const std::string bytes = read_file(f);
    const std::size_t written = VSIFWriteL(bytes.data(), 1, bytes.size(), out);
    VSIFCloseL(out);
    if (written != bytes.size()) return "short write to " + inside;
  }
  return {};
}

// A writer for what write_fixture does not cover: several layers in one dataset, dataset
// creation options (SpatiaLite), and layers without any geometry column.
struct LayerSpec {
  std::string name;
  int epsg = 4326;
  OGRwkbGeometryType type = wkbPolygon;  // wkbNone: an attribute-only table
  std::vector<FixtureField> fields;
  std::vector<FixtureFeature> features;
  std::vector<std::string> options;
};

std::string write_dataset(const std::string& driver_name, const std::string& path,
                          const std::vector<std::string>& dataset_options,
                          const std::vector<LayerSpec>& layers) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
  if (driver == nullptr) return "GDAL has no driver " + driver_name;
  std::vector<const char*> ds_opts;
  for (const std::string& o : dataset_options) ds_opts.push_back(o.c_str());
  ds_opts.push_back(nullptr);
  GDALDatasetH ds =
      GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, const_cast<char**>(ds_opts.data()));
  if (ds == nullptr) return "cannot create " + path + ": " + CPLGetLastErrorMsg();
  std::string error;
  for (const LayerSpec& spec : layers) {
    OGRSpatialReferenceH srs = nullptr;
    if (spec.epsg != 0 && spec.type != wkbNone) {
      srs = OSRNewSpatialReference(nullptr);
      OSRImportFromEPSG(srs, spec.epsg);
      OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    }
    std::vector<const char*> lyr_opts;
    for (const std::string& o : spec.options) lyr_opts.push_back(o.c_str());
    lyr_opts.push_back(nullptr);
    OGRLayerH lyr = GDALDatasetCreateLayer(ds, spec.name.c_str(), srs, spec.type,
                                           const_cast<char**>(lyr_opts.data()));
    if (srs != nullptr) OSRDestroySpatialReference(srs);
    if (lyr == nullptr) {
      error = "cannot create layer " + spec.name + ": " + CPLGetLastErrorMsg();
      break;
    }
    for (const FixtureField& field : spec.fields) {
      const OGRFieldType t = field.type == FixtureField::Type::integer ? OFTInteger
                             : field.type == FixtureField::Type::real  ? OFTReal
                                                                       : OFTString;
      OGRFieldDefnH defn = OGR_Fld_Create(field.name.c_str(), t);
      const OGRErr err = OGR_L_CreateField(lyr, defn, TRUE);
      OGR_Fld_Destroy(defn);
      if (err != OGRERR_NONE) error = "cannot create field " + field.name;
    }
    for (const FixtureFeature& feature : spec.features) {
      OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
      for (std::size_t i = 0; i < feature.values.size(); ++i) {
        OGR_F_SetFieldString(f, static_cast<int>(i), feature.values[i].c_str());
      }
      if (!feature.wkt.empty()) {
        OGRGeometryH g = nullptr;
        char* text = const_cast<char*>(feature.wkt.c_str());
        if (OGR_G_CreateFromWkt(&text, nullptr, &g) != OGRERR_NONE)
          error = "bad WKT " + feature.wkt;
        OGR_F_SetGeometryDirectly(f, g);
      }
      if (OGR_L_CreateFeature(lyr, f) != OGRERR_NONE)
        error = "cannot write a feature to " + spec.name;
      OGR_F_Destroy(f);
    }
    if (!error.empty()) break;
  }
  GDALClose(ds);
  return error;
}

LayerSpec spec_of(const FixtureLayer& l) {
  LayerSpec s;
  s.name = l.layer_name;
  s.epsg = l.epsg;
  s.fields = l.fields;
  s.features = l.features;
  s.options = l.layer_options;
  return s;
}

// Great-circle distance in metres between two lon/lat points (mean Earth radius).
double distance_m(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371008.8 * std::asin(std::sqrt(a));
}

// ---------------------------------------------------------------------------------------------
// Hard failures: exit 1, one line naming the file and the problem

TEST(CliBadInput, MissingDbfIsNamed) {
  const fs::path dir = temp_dir("no-dbf");
  const fs::path shp = dir / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");
  ASSERT_TRUE(fs::remove(dir / "tambon.dbf"));

  const CommandResult r = run_cli({"info", shp.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, shp.string()));
  EXPECT_TRUE(mentions(r.err, "tambon.dbf"));
  EXPECT_TRUE(mentions(r.err, "missing"));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliBadInput, MissingShxIsNamed) {
  const fs::path dir = temp_dir("no-shx");
  const fs::path shp = dir / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");
  ASSERT_TRUE(fs::remove(dir / "tambon.shx"));

  const CommandResult r = run_cli({"info", shp.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, shp.string()));
  EXPECT_TRUE(mentions(r.err, "tambon.shx"));
  EXPECT_TRUE(mentions(r.err, "missing"));
}

TEST(CliBadInput, TruncatedShpIsReportedAsTruncated) {
  const fs::path dir = temp_dir("truncated");
  const fs::path shp = dir / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");
  const std::string whole = read_file(shp);
  ASSERT_GT(whole.size(), 200u);
  write_file(shp, whole.substr(0, whole.size() / 2));

  const CommandResult r = run_cli({"info", shp.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, shp.string()));
  EXPECT_TRUE(mentions(r.err, "truncated"));
}

TEST(CliBadInput, EmptyLayerSaysZeroFeatures) {
  const fs::path dir = temp_dir("empty");
  // A shapefile with its polygon type but no feature, and the same as a GeoPackage layer.
  FixtureLayer shp = tambon_layer((dir / "empty.shp").string());
  shp.features.clear();
  shp.layer_options = {"SHPT=POLYGON"};
  ASSERT_EQ(write_fixture(shp), "");
  LayerSpec gpkg_layer = spec_of(tambon_layer(""));
  gpkg_layer.name = "tambon_empty";
  gpkg_layer.features.clear();
  const fs::path gpkg = dir / "empty.gpkg";
  ASSERT_EQ(write_dataset("GPKG", gpkg.string(), {}, {gpkg_layer}), "");

  for (const std::string& path : {shp.path, gpkg.string()}) {
    SCOPED_TRACE(path);
    const CommandResult r = run_cli({"info", path});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(one_line(r.err));
    EXPECT_TRUE(mentions(r.err, path));
    EXPECT_TRUE(mentions(r.err, "empty"));
    EXPECT_TRUE(mentions(r.err, "0 features"));
  }
}

TEST(CliBadInput, GeoPackageTableWithoutGeometryIsRefused) {
  const fs::path gpkg = fs::path(temp_dir("no-geom-gpkg")) / "figures.gpkg";
  LayerSpec table;
  table.name = "poverty_figures";
  table.type = wkbNone;
  table.fields = {{"tumbol_ID"}, {"poor", FixtureField::Type::integer}};
  table.features = {{"", {"100101", "12"}}, {"", {"100102", "7"}}};
  ASSERT_EQ(write_dataset("GPKG", gpkg.string(), {}, {table}), "");

  const CommandResult r = run_cli({"info", gpkg.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, gpkg.string()));
  EXPECT_TRUE(mentions(r.err, "poverty_figures"));
  EXPECT_TRUE(mentions(r.err, "no geometry"));
}

TEST(CliBadInput, CsvWithoutCoordinateColumnsIsRefused) {
  const fs::path csv = fs::path(temp_dir("no-geom-csv")) / "figures.csv";
  write_file(csv, "tumbol_ID,poor\n100101,12\n100102,7\n");

  const CommandResult r = run_cli({"info", csv.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, csv.string()));
  EXPECT_TRUE(mentions(r.err, "no geometry"));
}

TEST(CliBadInput, MissingPathIsNamed) {
  const fs::path missing = fs::path(temp_dir("missing")) / "ไม่มี" / "tambon.shp";
  const CommandResult r = run_cli({"info", missing.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, missing.string()));
  EXPECT_TRUE(mentions(r.err, "no such file"));
}

TEST(CliBadInput, GarbageFilesAreUnreadable) {
  const fs::path dir = temp_dir("garbage");
  for (const std::string name : {"boundaries.gpkg", "boundaries.geojson"}) {
    SCOPED_TRACE(name);
    const fs::path p = dir / name;
    write_file(p, garbage(4096));
    const CommandResult r = run_cli({"info", p.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(one_line(r.err));
    EXPECT_TRUE(mentions(r.err, p.string()));
    EXPECT_TRUE(mentions(r.err, "cannot be read"));
  }
}

TEST(CliBadInput, UnknownCrsWithoutPrjAsksForCrs) {
  const fs::path dir = temp_dir("unknown-crs");
  // Neither degrees over Thailand nor UTM 47N/48N metres: small numbers, and very large ones.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"small.shp", square(0, 0, 10)}, {"large.shp", square(5'000'000, 5'000'000, 1'000)}};
  for (const auto& [name, wkt] : cases) {
    SCOPED_TRACE(name);
    FixtureLayer l = tambon_layer((dir / name).string());
    l.epsg = 0;
    l.features = {{wkt, {"TH100101", "Somewhere"}}};
    ASSERT_EQ(write_fixture(l), "");
    ASSERT_FALSE(fs::exists((dir / name).replace_extension(".prj")));

    const CommandResult r = run_cli({"info", l.path});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(one_line(r.err));
    EXPECT_TRUE(mentions(r.err, l.path));
    EXPECT_TRUE(mentions(r.err, "CRS"));
    EXPECT_TRUE(mentions(r.err, "--crs"));
  }
}

TEST(CliBadInput, PointsRefusedWherePolygonsAreNeeded) {
  const fs::path shp = fs::path(temp_dir("points")) / "village_point.shp";
  FixtureLayer l;
  l.path = shp.string();
  l.fields = {{"VILL_IDN"}, {"VILL_NM_E"}};
  l.features = {{"POINT(102.80 16.38)", {"40010601", "Ban Non Tan"}},
                {"POINT(102.82 16.39)", {"40010602", "Ban Khok"}}};
  ASSERT_EQ(write_fixture(l), "");

  const CommandResult r = run_cli({"info", shp.string(), "--polygons"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, shp.string()));
  EXPECT_TRUE(mentions(r.err, "points"));
  EXPECT_TRUE(mentions(r.err, "polygons"));

  // Without --polygons the same file is a valid point layer.
  const CommandResult ok = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const json j = parse_json(ok);
  EXPECT_EQ(j.value("geometry_type", ""), "Point");
  EXPECT_EQ(j.value("features", 0), 2);
}

// ---------------------------------------------------------------------------------------------
// Usage errors and overrides that name something absent

TEST(CliBadInput, BadEncodingValueIsRefused) {
  const fs::path shp = fs::path(temp_dir("bad-encoding")) / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");

  const CommandResult r = run_cli({"info", shp.string(), "--encoding", "KOI8-R"});
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << r.exit_code << " " << r.err;
  const std::string line = first_line(r.err);
  EXPECT_TRUE(mentions(line, "KOI8-R"));
  EXPECT_TRUE(mentions(line, "UTF-8"));
  EXPECT_TRUE(mentions(line, "CP874"));
  if (r.exit_code == 1) {
    EXPECT_TRUE(one_line(r.err));
  }
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliBadInput, BadLevelValueIsAUsageError) {
  const fs::path shp = fs::path(temp_dir("bad-level")) / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");

  const CommandResult r = run_cli({"info", shp.string(), "--level", "county"});
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << r.exit_code << " " << r.err;
  const std::string line = first_line(r.err);
  EXPECT_TRUE(mentions(line, "county"));
  for (const char* level : {"province", "amphoe", "tambon", "village"}) {
    EXPECT_TRUE(mentions(line, level));
  }
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliBadInput, UnknownGeoPackageLayerListsTheLayers) {
  const fs::path gpkg = fs::path(temp_dir("layers")) / "boundaries.gpkg";
  LayerSpec tambon = spec_of(tambon_layer(""));
  tambon.name = "tambon";
  LayerSpec amphoe;
  amphoe.name = "amphoe";
  amphoe.fields = {{"ADM2_PCODE"}};
  amphoe.features = {{square(100.49, 13.75, 0.03), {"TH1001"}}};
  ASSERT_EQ(write_dataset("GPKG", gpkg.string(), {}, {tambon, amphoe}), "");

  const CommandResult r = run_cli({"info", gpkg.string(), "--layer", "village"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, gpkg.string()));
  EXPECT_TRUE(mentions(r.err, "village"));
  EXPECT_TRUE(mentions(r.err, "tambon"));
  EXPECT_TRUE(mentions(r.err, "amphoe"));

  // The named layer is the one read.
  const CommandResult ok = run_cli({"info", gpkg.string(), "--layer", "amphoe", "--json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const json j = parse_json(ok);
  EXPECT_EQ(j.value("layer", ""), "amphoe");
  EXPECT_EQ(j.value("level", ""), "amphoe");
}

TEST(CliBadInput, MissingCodeFieldOverrideListsTheFields) {
  const fs::path shp = fs::path(temp_dir("code-field")) / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");

  const CommandResult r = run_cli({"info", shp.string(), "--code-field", "TAM_IDN"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(one_line(r.err));
  EXPECT_TRUE(mentions(r.err, shp.string()));
  EXPECT_TRUE(mentions(r.err, "TAM_IDN"));
  EXPECT_TRUE(mentions(r.err, "ADM3_PCODE"));
  EXPECT_TRUE(mentions(r.err, "ADM3_EN"));
}

// ---------------------------------------------------------------------------------------------
// Problems that load with a warning (exit 0)

TEST(CliBadInput, DuplicateCodesAreWarnedAndListed) {
  const fs::path shp = fs::path(temp_dir("duplicates")) / "tambon.shp";
  FixtureLayer l = tambon_layer(shp.string());
  l.features[2].values[0] = "TH100101";  // FIDs 0 and 2 share a code; FID 1 is fine
  ASSERT_EQ(write_fixture(l), "");

  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  ASSERT_TRUE(j.contains("duplicates"));
  ASSERT_EQ(j["duplicates"].size(), 1u) << j["duplicates"].dump();
  EXPECT_EQ(j["duplicates"][0].value("code", ""), "100101");
  EXPECT_EQ(j["duplicates"][0]["fids"], json::array({0, 2}));

  std::vector<std::string> about;
  for (const std::string& w : warning_lines(r.err)) {
    if (w.find("100101") != std::string::npos) about.push_back(w);
  }
  ASSERT_EQ(about.size(), 1u) << r.err;
  const std::string& w = about[0];
  EXPECT_TRUE(mentions(w, shp.string()));
  EXPECT_TRUE(mentions(w, "ADM3_PCODE"));
  EXPECT_TRUE(std::regex_search(w, std::regex(R"(\b0\b)"))) << w;
  EXPECT_TRUE(std::regex_search(w, std::regex(R"(\b2\b)"))) << w;
}

TEST(CliBadInput, CodesOfTheWrongLengthAreWarnedAndListed) {
  const fs::path shp = fs::path(temp_dir("short-code")) / "tambon.shp";
  FixtureLayer l = tambon_layer(shp.string());
  l.features[1].values[0] = "TH10010";    // 5 digits
  l.features[2].values[0] = "TH1001033";  // 7 digits
  ASSERT_EQ(write_fixture(l), "");

  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  EXPECT_EQ(j.value("level", ""), "tambon");
  ASSERT_EQ(j["bad_codes"].size(), 2u) << j["bad_codes"].dump();
  const std::vector<std::pair<int, std::string>> expected = {{1, "TH10010"}, {2, "TH1001033"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const json& b = j["bad_codes"][i];
    EXPECT_EQ(b.value("fid", -1), expected[i].first);
    EXPECT_EQ(b.value("field", ""), "ADM3_PCODE");
    EXPECT_EQ(b.value("value", ""), expected[i].second);
    EXPECT_TRUE(mentions(b.value("reason", ""), "6 digits")) << b.dump();
  }
  const auto warnings = warning_lines(r.err);
  ASSERT_FALSE(warnings.empty()) << r.err;
  const bool named = std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
    return w.find(shp.string()) != std::string::npos && w.find("TH10010") != std::string::npos &&
           w.find("ADM3_PCODE") != std::string::npos;
  });
  EXPECT_TRUE(named) << r.err;
  EXPECT_TRUE(j["duplicates"].empty());
}

// ---------------------------------------------------------------------------------------------
// Thai text

TEST(CliBadInput, Tis620DbfWithoutCpgIsDetected) {
  const fs::path dir = temp_dir("tis620");
  const fs::path shp = dir / "tambon.shp";
  const std::vector<std::string> thai = {"พระบรมมหาราชวัง", "วังบูรพาภิรมย์", "วัดราชบพิธ"};
  FixtureLayer l = tambon_layer(shp.string());
  l.fields = {{"ADM3_PCODE"}, {"ADM3_TH"}, {"ADM3_EN"}};
  for (std::size_t i = 0; i < l.features.size(); ++i) {
    const std::string en = l.features[i].values[1];
    l.features[i].values = {l.features[i].values[0], to_tis620(thai[i]), en};
  }
  l.layer_options = {"ENCODING="};
  ASSERT_EQ(write_fixture(l), "");
  fs::remove(dir / "tambon.cpg");  // the case at hand: no .cpg at all
  const std::string dbf = read_file(dir / "tambon.dbf");
  ASSERT_NE(dbf.find(to_tis620(thai[0])), std::string::npos) << "the DBF must hold TIS-620 bytes";

  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  EXPECT_EQ(j.value("encoding", ""), "CP874");
  EXPECT_EQ(j.value("encoding_source", ""), "detected");
  EXPECT_EQ(j["name_fields"].value("th", ""), "ADM3_TH");

  auto layer = chipao::load_boundaries(shp.string());
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  ASSERT_EQ(layer->features.size(), thai.size());
  for (std::size_t i = 0; i < thai.size(); ++i) {
    EXPECT_EQ(layer->features[i].name_th, thai[i]) << "feature " << i;
  }
}

// The DBF keeps 10 bytes of a field name: a Thai name is cut in the middle of a letter.
FixtureLayer truncated_name_layer(const fs::path& shp, const std::string& encoding_option) {
  FixtureLayer l;
  l.path = shp.string();
  l.fields = {{"ADM3_PCODE"}, {"ADM3_EN"}, {"ชื่อตำบลยาว"}};
  l.features = {
      {square(100.49, 13.75, 0.01), {"TH100101", "Phra Borom Maha Ratchawang", "พระบรมมหาราชวัง"}},
      {square(100.50, 13.75, 0.01), {"TH100102", "Wang Burapha Phirom", "วังบูรพาภิรมย์"}}};
  l.layer_options = {encoding_option};
  return l;
}

// Checks the CLI's view of a layer with the truncated Thai field name, and the values read
// through the core; `expected_encoding_source` is "cpg" or "detected".
void check_truncated_thai_field(const fs::path& shp, const std::string& expected_encoding_source) {
  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  ASSERT_TRUE(j.contains("fields"));
  EXPECT_EQ(j["fields"].size(), 3u);
  std::string cut;
  for (const json& f : j["fields"]) {
    const std::string name = f.get<std::string>();
    EXPECT_TRUE(valid_utf8(name)) << "field name is not valid UTF-8";
    if (name != "ADM3_PCODE" && name != "ADM3_EN") cut = name;
  }
  // What is left is the start of the Thai name, at most 10 bytes, with no broken letter.
  EXPECT_FALSE(cut.empty());
  EXPECT_LE(cut.size(), 10u);
  EXPECT_TRUE(std::string("ชื่อตำบลยาว").starts_with(cut)) << cut;
  EXPECT_EQ(j.value("code_field", ""), "ADM3_PCODE");
  EXPECT_EQ(j.value("encoding", ""), "UTF-8");
  EXPECT_EQ(j.value("encoding_source", ""), expected_encoding_source);

  auto layer = chipao::load_boundaries(shp.string());
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  const auto& names = layer->source.field_names;
  const auto it = std::find(names.begin(), names.end(), cut);
  ASSERT_NE(it, names.end());
  const auto index = static_cast<std::size_t>(it - names.begin());
  ASSERT_EQ(layer->features.size(), 2u);
  EXPECT_EQ(layer->features[0].attributes.at(index), "พระบรมมหาราชวัง");
  EXPECT_EQ(layer->features[1].attributes.at(index), "วังบูรพาภิรมย์");
}

TEST(CliBadInput, TruncatedThaiFieldNameWithCpgLoads) {
  const fs::path shp = fs::path(temp_dir("thai-field-cpg")) / "tambon.shp";
  ASSERT_EQ(write_fixture(truncated_name_layer(shp, "ENCODING=UTF-8")), "");
  check_truncated_thai_field(shp, "cpg");
}

TEST(CliBadInput, TruncatedThaiFieldNameRaisesNoFalseEncodingWarning) {
  // The values are valid UTF-8 as the .cpg says; only the name was cut by the format.
  const fs::path shp = fs::path(temp_dir("thai-field-warning")) / "tambon.shp";
  ASSERT_EQ(write_fixture(truncated_name_layer(shp, "ENCODING=UTF-8")), "");
  const CommandResult r = run_cli({"info", shp.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& w : warning_lines(r.err)) {
    EXPECT_FALSE(mentions(w, "not valid UTF-8")) << w;
    EXPECT_FALSE(mentions(w, "TIS-620")) << w;
  }
}

TEST(CliBadInput, TruncatedThaiFieldNameWithoutCpgStaysUtf8) {
  // UTF-8 text in a DBF without .cpg (as the HDX country file ships) and a cut Thai field name.
  const fs::path dir = temp_dir("thai-field-raw");
  const fs::path shp = dir / "tambon.shp";
  ASSERT_EQ(write_fixture(truncated_name_layer(shp, "ENCODING=")), "");
  fs::remove(dir / "tambon.cpg");
  check_truncated_thai_field(shp, "detected");
}

// ---------------------------------------------------------------------------------------------
// Files that must read

TEST(CliBadInput, ZippedShapefileReads) {
  const fs::path dir = temp_dir("zip");
  const fs::path shp = dir / "tambon.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");
  const fs::path zip = dir / "tambon_shp.zip";
  ASSERT_EQ(zip_files(zip, shapefile_set(shp)), "");
  ASSERT_TRUE(fs::exists(zip));

  const CommandResult r = run_cli({"info", zip.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  EXPECT_EQ(j.value("driver", ""), "ESRI Shapefile");
  EXPECT_EQ(j.value("features", 0), 3);
  EXPECT_EQ(j.value("level", ""), "tambon");
  EXPECT_EQ(j.value("code_field", ""), "ADM3_PCODE");
  EXPECT_EQ(j.value("crs", ""), "EPSG:4326");
  EXPECT_TRUE(j["bad_codes"].empty());
}

TEST(CliBadInput, ThaiFileNameWithSpacesReads) {
  const fs::path dir = fs::path(temp_dir("thai-name")) / "ข้อมูล เขต";
  fs::create_directories(dir);
  const fs::path shp = dir / "ตำบล พระนคร.shp";
  ASSERT_EQ(write_fixture(tambon_layer(shp.string())), "");
  ASSERT_TRUE(fs::exists(shp));

  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  EXPECT_EQ(j.value("source", ""), shp.string());
  EXPECT_EQ(j.value("features", 0), 3);
  EXPECT_EQ(j.value("code_field", ""), "ADM3_PCODE");
}

TEST(CliBadInput, PolygonZIsFlattened) {
  const fs::path dir = temp_dir("polygon-z");
  FixtureLayer flat = tambon_layer((dir / "flat.shp").string());
  ASSERT_EQ(write_fixture(flat), "");
  auto with_z = [](const std::string& wkt_2d) {
    // POLYGON((x y,...)) -> POLYGON Z ((x y 150,...)): the height of a plateau.
    std::string out = "POLYGON Z ((";
    const std::string body = wkt_2d.substr(std::string("POLYGON((").size());
    for (char c : body) {
      if (c == ',' || c == ')') {
        if (out.back() != ')') out += " 150";
      }
      out += c;
    }
    return out;
  };
  FixtureLayer z_shp = flat;
  z_shp.path = (dir / "z.shp").string();
  z_shp.layer_options = {"SHPT=POLYGONZ"};
  for (FixtureFeature& f : z_shp.features) f.wkt = with_z(f.wkt);
  ASSERT_EQ(write_fixture(z_shp), "");
  FixtureLayer z_json = z_shp;
  z_json.driver = "GeoJSON";
  z_json.path = (dir / "z.geojson").string();
  z_json.layer_options = {};
  ASSERT_EQ(write_fixture(z_json), "");

  const CommandResult ref = run_cli({"info", flat.path, "--json"});
  ASSERT_EQ(ref.exit_code, 0) << ref.err;
  const json expected = parse_json(ref);
  for (const std::string& path : {z_shp.path, z_json.path}) {
    SCOPED_TRACE(path);
    const CommandResult r = run_cli({"info", path, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = parse_json(r);
    EXPECT_NE(j.value("geometry_type", "").find("Polygon"), std::string::npos)
        << j["geometry_type"];
    EXPECT_EQ(j.value("features", 0), 3);
    EXPECT_EQ(j.value("code_field", ""), "ADM3_PCODE");
    EXPECT_TRUE(j["empty_geometries"].empty());
    EXPECT_EQ(j.value("invalid_repaired", -1), 0);
    ASSERT_EQ(j["extent_wgs84"].size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_NEAR(j["extent_wgs84"][i].get<double>(), expected["extent_wgs84"][i].get<double>(),
                  1e-9);
    }
    EXPECT_NEAR(j.value("area_km2", 0.0), expected.value("area_km2", -1.0), 1e-9);
    EXPECT_GT(j.value("area_km2", 0.0), 0.0);
  }
}

TEST(CliBadInput, BowtieIsRepairedAndListedWithItsCode) {
  const fs::path shp = fs::path(temp_dir("bowtie")) / "tambon.shp";
  FixtureLayer l = tambon_layer(shp.string());
  // FID 1 crosses itself at its centre: two triangles, each a quarter of the 0.01 degree square.
  l.features[1].wkt = "POLYGON((100.50 13.75,100.51 13.76,100.51 13.75,100.50 13.76,100.50 13.75))";
  ASSERT_EQ(write_fixture(l), "");

  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  EXPECT_EQ(j.value("invalid_repaired", -1), 1);
  ASSERT_EQ(j["repaired"].size(), 1u) << j["repaired"].dump();
  EXPECT_EQ(j["repaired"][0].value("fid", -1), 1);
  EXPECT_EQ(j["repaired"][0].value("code", ""), "100102");
  EXPECT_FALSE(j["repaired"][0].value("reason", "").empty());
  EXPECT_TRUE(j["empty_geometries"].empty());

  // The repaired bowtie keeps both triangles: half the area of its neighbour's square (an
  // unrepaired bowtie's signed lobes cancel to about zero).
  auto layer = chipao::load_boundaries(shp.string());
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  ASSERT_EQ(layer->features.size(), 3u);
  const double square_m2 = chipao::area_m2(layer->features[0].geometry);
  ASSERT_GT(square_m2, 1e6);
  EXPECT_NEAR(chipao::area_m2(layer->features[1].geometry) / square_m2, 0.5, 0.005);
}

TEST(CliBadInput, CompositeCodesRestoreLeadingZeros) {
  const fs::path shp = fs::path(temp_dir("composite")) / "tambon.shp";
  FixtureLayer l;
  l.path = shp.string();
  using T = FixtureField::Type;
  l.fields = {
      {"PROV_CODE", T::integer}, {"AMP_CODE", T::integer}, {"TAM_CODE", T::integer}, {"TAM_NAMT"}};
  // Ubon Ratchathani, Mueang district, tambon 01 and 02, as integer DBF fields write them.
  l.features = {{square(104.84, 15.22, 0.01), {"34", "1", "1", "ในเมือง"}},
                {square(104.85, 15.22, 0.01), {"34", "1", "2", "หัวเรือ"}}};
  l.layer_options = {"ENCODING=UTF-8"};
  ASSERT_EQ(write_fixture(l), "");

  const CommandResult r = run_cli({"info", shp.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = parse_json(r);
  EXPECT_EQ(j.value("code_field", ""), "PROV_CODE+AMP_CODE+TAM_CODE");
  EXPECT_EQ(j["code_fields"], json::array({"PROV_CODE", "AMP_CODE", "TAM_CODE"}));
  EXPECT_EQ(j.value("level", ""), "tambon");
  EXPECT_TRUE(j["bad_codes"].empty()) << j["bad_codes"].dump();
  ASSERT_EQ(j["fixed_codes"].size(), 2u) << j["fixed_codes"].dump();
  const std::vector<std::string> codes = {"340101", "340102"};
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const json& f = j["fixed_codes"][i];
    EXPECT_EQ(f.value("fid", -1), static_cast<int>(i));
    EXPECT_EQ(f.value("code", ""), codes[i]);
    EXPECT_TRUE(mentions(f.value("note", ""), "restored leading zero")) << f.dump();
  }
}

TEST(CliBadInput, Indian1975IsShiftedToWgs84) {
  const fs::path dir = temp_dir("indian1975");
  // One 10 km square near Bangkok, in UTM 47N metres.
  auto utm_layer = [&](const std::string& name, int epsg) {
    FixtureLayer l = tambon_layer((dir / name).string());
    l.epsg = epsg;
    l.features = {{square(660'000, 1'520'000, 10'000), {"TH100101", "Phra Borom Maha Ratchawang"}}};
    return l;
  };
  const FixtureLayer indian = utm_layer("indian1975.shp", 24047);
  const FixtureLayer wgs = utm_layer("wgs84.shp", 32647);
  const FixtureLayer no_prj = utm_layer("no_prj.shp", 0);
  for (const FixtureLayer& l : {indian, wgs, no_prj}) ASSERT_EQ(write_fixture(l), "");
  ASSERT_TRUE(fs::exists(dir / "indian1975.prj"));
  ASSERT_FALSE(fs::exists(dir / "no_prj.prj"));

  const CommandResult ri = run_cli({"info", indian.path, "--json"});
  const CommandResult rw = run_cli({"info", wgs.path, "--json"});
  const CommandResult rn = run_cli({"info", no_prj.path, "--json"});
  ASSERT_EQ(ri.exit_code, 0) << ri.err;
  ASSERT_EQ(rw.exit_code, 0) << rw.err;
  ASSERT_EQ(rn.exit_code, 0) << rn.err;
  const json ji = parse_json(ri);
  const json jw = parse_json(rw);
  const json jn = parse_json(rn);
  EXPECT_EQ(ji.value("crs", ""), "EPSG:24047");
  EXPECT_EQ(ji.value("crs_source", ""), "prj");
  EXPECT_EQ(jw.value("crs", ""), "EPSG:32647");
  ASSERT_EQ(ji["extent_wgs84"].size(), 4u);
  ASSERT_EQ(jw["extent_wgs84"].size(), 4u);

  // The datum shift from Indian 1975 to WGS 84 over Thailand is several hundred metres (about
  // 620 m with EPSG's Thailand onshore transformation); a missing datum shift would leave only
  // the ellipsoid difference (about 120 m here) and a wrong zone or axis order kilometres.
  const auto& ei = ji["extent_wgs84"];
  const auto& ew = jw["extent_wgs84"];
  for (std::size_t corner : {0u, 2u}) {
    const double d = distance_m(ei[corner].get<double>(), ei[corner + 1].get<double>(),
                                ew[corner].get<double>(), ew[corner + 1].get<double>());
    EXPECT_GT(d, 300.0) << "corner " << corner;
    EXPECT_LT(d, 900.0) << "corner " << corner;
  }
  // The square is 10 km on a side whichever datum it is on.
  EXPECT_NEAR(ji.value("area_km2", 0.0), 100.0, 0.5);
  EXPECT_NEAR(jw.value("area_km2", 0.0), 100.0, 0.5);

  // Without .prj the same numbers are guessed as WGS 84 / UTM 47N, with a warning.
  EXPECT_EQ(jn.value("crs", ""), "EPSG:32647");
  EXPECT_EQ(jn.value("crs_source", ""), "guessed");
  ASSERT_EQ(jn["extent_wgs84"].size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(jn["extent_wgs84"][i].get<double>(), ew[i].get<double>(), 1e-9);
  }
  const auto warnings = warning_lines(rn.err);
  const bool tells_crs = std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
    return w.find(no_prj.path) != std::string::npos && w.find("--crs") != std::string::npos &&
           w.find("EPSG:32647") != std::string::npos;
  });
  EXPECT_TRUE(tells_crs) << rn.err;
}

TEST(CliBadInput, SameLayerInEveryFormatReadsTheSame) {
  const fs::path dir = temp_dir("formats");
  const FixtureLayer base = tambon_layer((dir / "tambon.shp").string());
  ASSERT_EQ(write_fixture(base), "");
  struct Format {
    std::string driver;
    std::string file;
  };
  const std::vector<Format> formats = {{"GPKG", "tambon.gpkg"},
                                       {"FlatGeobuf", "tambon.fgb"},
                                       {"GeoJSON", "tambon.geojson"},
                                       {"SQLite", "tambon.sqlite"}};
  for (const Format& f : formats) {
    const std::string path = (dir / f.file).string();
    if (f.driver == "SQLite") {
      ASSERT_EQ(write_dataset("SQLite", path, {"SPATIALITE=YES"}, {spec_of(base)}), "");
    } else {
      FixtureLayer l = base;
      l.driver = f.driver;
      l.path = path;
      ASSERT_EQ(write_fixture(l), "");
    }
  }

  const CommandResult ref_run = run_cli({"info", base.path, "--json"});
  ASSERT_EQ(ref_run.exit_code, 0) << ref_run.err;
  const json ref = parse_json(ref_run);
  ASSERT_EQ(ref.value("level", ""), "tambon");
  ASSERT_EQ(ref.value("code_field", ""), "ADM3_PCODE");
  ASSERT_EQ(ref.value("features", 0), 3);
  ASSERT_EQ(ref["extent_wgs84"].size(), 4u);

  for (const Format& f : formats) {
    SCOPED_TRACE(f.driver);
    const CommandResult r = run_cli({"info", (dir / f.file).string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = parse_json(r);
    EXPECT_EQ(j.value("driver", ""), f.driver);
    EXPECT_EQ(j.value("level", ""), ref.value("level", ""));
    // SQLite launders field names to lower case; the field is the same one.
    EXPECT_EQ(lower(j.value("code_field", "")), lower(ref.value("code_field", "")));
    EXPECT_EQ(j.value("features", 0), ref.value("features", -1));
    EXPECT_EQ(j.value("crs", ""), "EPSG:4326");
    ASSERT_EQ(j["extent_wgs84"].size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_NEAR(j["extent_wgs84"][i].get<double>(), ref["extent_wgs84"][i].get<double>(), 1e-9);
    }
    EXPECT_NEAR(j.value("area_km2", 0.0), ref.value("area_km2", -1.0), 1e-6);
    EXPECT_TRUE(j["bad_codes"].empty()) << j["bad_codes"].dump();
  }
}

}  // namespace

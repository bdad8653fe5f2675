// chipao-cli info on every boundary file in ../shared/data, checked against the facts recorded
// in ../shared/data/SOURCES.md (feature counts, code fields, encodings, CRS, known quirks).
// Every test skips with a message when ../shared/data is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/geo/area.h"
#include "core/io/boundary_reader.h"
#include "support/test_paths.h"

using chipao::test::CommandResult;
using chipao::test::run_cli;
using nlohmann::json;

namespace {

// One boundary file and what SOURCES.md says about it.
struct Expected {
  std::string path;  // relative to ../shared/data
  int features;
  std::string geometry_type;
  std::optional<std::string> level;  // nullopt: no code field, level unknown (null)
  // Acceptable code fields (empty: none, JSON null). More than one where the data allows
  // either (province names in Thai or English).
  std::vector<std::string> code_fields;
  std::string code_source;  // "field", "name", or "" for null
  std::string encoding;
  std::string encoding_source;
  std::string crs_source;  // "prj" (shapefile .prj), "source" (GeoJSON crs), "guessed" (CSV)
  bool whole_country;      // covers all of Thailand
  std::string th_name;     // expected Thai name field, "" when the file has none
};

// Keeps test names stable: without it GoogleTest prints the parameter's raw bytes.
void PrintTo(const Expected& e, std::ostream* out) { *out << e.path; }

std::string name_of(const ::testing::TestParamInfo<Expected>& info) {
  std::string out;
  const std::string& p = info.param.path;
  for (char c : p.substr(p.find('/') + 1)) {
    out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  }
  return out;
}

const std::string kHdx = "hdx_codab_tha_via_prasertcbs/";
const std::string kFullres = kHdx + "adm3_tambon_fullres_by_province/";
const std::string kChingchai = "chingchai_opengisdata_thailand/";
const std::string kVillage = "village_khonkaen_tambon400106_via_thichanan46/";

// SOURCES.md, file by file.
// clang-format off
const std::vector<Expected> kFiles = {
    // path, features, geometry, level, code field(s), code source, encoding, encoding source,
    // CRS source, whole country, Thai name field
    // §1: the HDX country tambon file has a .prj but no .cpg (UTF-8 text).
    {kHdx + "adm3_tambon_simplified_country/tha_admbnda_adm3_rtsd_20220121.shp",
     7425, "Polygon", "tambon", {"ADM3_PCODE"},
     "field", "UTF-8", "detected", "prj", true, "ADM3_TH"},
    // §1: full-resolution tambon of six provinces, each with .cpg = UTF-8.
    {kFullres + "Mae Hong Son/Mae Hong Son.shp",
     45, "Polygon", "tambon", {"ADM3_PCODE"}, "field", "UTF-8", "cpg", "prj", false, "ADM3_TH"},
    {kFullres + "Si Sa Ket/Si Sa Ket.shp",
     206, "Polygon", "tambon", {"ADM3_PCODE"}, "field", "UTF-8", "cpg", "prj", false, "ADM3_TH"},
    {kFullres + "Tak/Tak.shp",
     63, "Polygon", "tambon", {"ADM3_PCODE"}, "field", "UTF-8", "cpg", "prj", false, "ADM3_TH"},
    {kFullres + "Yasothon/Yasothon.shp",
     79, "Polygon", "tambon", {"ADM3_PCODE"}, "field", "UTF-8", "cpg", "prj", false, "ADM3_TH"},
    {kFullres + "Pattani/Pattani.shp",
     115, "Polygon", "tambon", {"ADM3_PCODE"}, "field", "UTF-8", "cpg", "prj", false, "ADM3_TH"},
    {kFullres + "Narathiwat/Narathiwat.shp",
     77, "Polygon", "tambon", {"ADM3_PCODE"}, "field", "UTF-8", "cpg", "prj", false, "ADM3_TH"},
    // §1: amphoe, .cpg UTF-8.
    {kHdx + "adm2_amphoe_simplified_country/thailand_province_amphoe_simplify.shp",
     928, "Polygon", "amphoe", {"ADM2_PCODE"}, "field", "UTF-8", "cpg", "prj", true, "ADM2_TH"},
    // §1: provinces with no code field at all: codes come from the province names.
    {kHdx + "adm1_province_simplified_country/province_simplify.shp",
     77, "Polygon", "province", {"ADM1_TH", "ADM1_EN"},
     "name", "UTF-8", "cpg", "prj", true, "ADM1_TH"},
    // §1: tambon centroids as a CSV of lat/lon (no CRS in the file: WGS 84 by the facts).
    {kHdx + "adm3_tambon_centroids/tambon lat lon location.csv",
     7425, "Point", "tambon", {"ADM3_PCODE"},
     "field", "UTF-8", "detected", "guessed", false, "ADM3_TH"},
    // §2: GeoJSON MultiPolygon provinces, ADM1_PCODE.
    {"hdx_codab_tha_via_thai-geolocate/province_adm1_simplified.json",
     77, "MultiPolygon", "province", {"ADM1_PCODE"},
     "field", "UTF-8", "detected", "source", true, "ADM1_TH"},
    // §3: chingchai GeoJSON (CRS84); the region layers have no administrative code.
    {kChingchai + "provinces.geojson",
     77, "MultiPolygon", "province", {"pro_code"},
     "field", "UTF-8", "detected", "source", true, "pro_th"},
    {kChingchai + "districts.geojson",
     928, "MultiPolygon", "amphoe", {"amp_code"},
     "field", "UTF-8", "detected", "source", true, "amp_th"},
    {kChingchai + "reg_nesdb.geojson",
     7, "MultiPolygon", std::nullopt, {}, "", "UTF-8", "detected", "source", true, ""},
    {kChingchai + "reg_royin.geojson",
     6, "MultiPolygon", std::nullopt, {}, "", "UTF-8", "detected", "source", true, ""},
    // §6: Khon Kaen villages of tambon 400106 (CRS84), polygons and points.
    {kVillage + "village.geojson",
     17, "MultiPolygon", "village", {"VILL_IDN"},
     "field", "UTF-8", "detected", "source", false, ""},
    {kVillage + "village_point.geojson",
     17, "Point", "village", {"VILL_IDN"},
     "field", "UTF-8", "detected", "source", false, "VILL_NM_T"},
};
// clang-format on

json info_json(const std::string& path, CommandResult* result = nullptr) {
  const CommandResult r = run_cli({"info", path, "--json"});
  if (result != nullptr) *result = r;
  EXPECT_EQ(r.exit_code, 0) << path << ": " << r.err;
  try {
    return json::parse(r.out);
  } catch (const json::exception& e) {
    ADD_FAILURE() << path << ": stdout is not JSON (" << e.what() << ")\n" << r.out << r.err;
    return json::object();
  }
}

std::string str_or_empty(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// Thailand reaches from 97°21'E to 105°38'E and from 5°37'N to 20°28'N.
constexpr double kThMinLon = 97.34, kThMinLat = 5.61, kThMaxLon = 105.64, kThMaxLat = 20.46;

class RealDataInfo : public ::testing::TestWithParam<Expected> {};

TEST_P(RealDataInfo, MatchesSources) {
  const Expected& e = GetParam();
  CHIPAO_REQUIRE_SHARED(path, e.path);
  CommandResult r;
  const json j = info_json(path, &r);
  ASSERT_EQ(r.exit_code, 0);

  EXPECT_EQ(j.value("features", -1), e.features);
  EXPECT_EQ(str_or_empty(j, "geometry_type"), e.geometry_type);
  // WGS 84 longitude/latitude, however the file names it (EPSG:4326 or OGC CRS84).
  const std::string crs = str_or_empty(j, "crs");
  EXPECT_TRUE(crs == "EPSG:4326" || crs == "OGC:CRS84") << crs;
  EXPECT_EQ(str_or_empty(j, "crs_source"), e.crs_source);
  if (e.level) {
    EXPECT_EQ(str_or_empty(j, "level"), *e.level);
  } else {
    EXPECT_TRUE(j["level"].is_null()) << j["level"];
  }
  if (e.code_fields.empty()) {
    EXPECT_TRUE(j["code_field"].is_null()) << j["code_field"];
    EXPECT_TRUE(j["code_source"].is_null()) << j["code_source"];
  } else {
    const std::string field = str_or_empty(j, "code_field");
    EXPECT_NE(std::find(e.code_fields.begin(), e.code_fields.end(), field), e.code_fields.end())
        << "code_field " << j["code_field"];
    EXPECT_EQ(str_or_empty(j, "code_source"), e.code_source);
    // Every feature got a code: none of these files has a malformed one.
    EXPECT_TRUE(j["bad_codes"].empty()) << j["bad_codes"].dump().substr(0, 500);
  }
  EXPECT_EQ(str_or_empty(j, "encoding"), e.encoding);
  EXPECT_EQ(str_or_empty(j, "encoding_source"), e.encoding_source);
  EXPECT_EQ(j["name_fields"].is_object() ? str_or_empty(j["name_fields"], "th") : "", e.th_name);
  EXPECT_TRUE(j["empty_geometries"].empty());

  // Lon/lat in Thailand (a swapped axis or an untransformed CRS would fall outside).
  ASSERT_TRUE(j["extent_wgs84"].is_array() && j["extent_wgs84"].size() == 4) << j["extent_wgs84"];
  const double min_lon = j["extent_wgs84"][0].get<double>();
  const double min_lat = j["extent_wgs84"][1].get<double>();
  const double max_lon = j["extent_wgs84"][2].get<double>();
  const double max_lat = j["extent_wgs84"][3].get<double>();
  EXPECT_GE(min_lon, kThMinLon - 0.05);
  EXPECT_GE(min_lat, kThMinLat - 0.05);
  EXPECT_LE(max_lon, kThMaxLon + 0.05);
  EXPECT_LE(max_lat, kThMaxLat + 0.05);
  if (e.whole_country) {
    EXPECT_NEAR(min_lon, kThMinLon, 0.05);
    EXPECT_NEAR(min_lat, kThMinLat, 0.05);
    EXPECT_NEAR(max_lon, kThMaxLon, 0.05);
    EXPECT_NEAR(max_lat, kThMaxLat, 0.05);
    if (e.geometry_type != "Point") {
      // Thailand's land area is about 513,000 km2 (these boundaries include islands).
      EXPECT_NEAR(j.value("area_km2", 0.0), 513'000.0, 10'000.0);
    }
  }
  // All fields come back as UTF-8 names.
  EXPECT_FALSE(j["fields"].empty());
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealDataInfo, ::testing::ValuesIn(kFiles), name_of);

// ---------------------------------------------------------------------------------------------
// File-specific facts

chipao::Result<chipao::BoundaryLayer> load(const std::string& path) {
  return chipao::load_boundaries(path);
}

std::map<std::string, int> code_counts(const chipao::BoundaryLayer& layer) {
  std::map<std::string, int> counts;
  for (const auto& f : layer.features) ++counts[f.code];
  return counts;
}

int field_index(const chipao::BoundaryLayer& layer, const std::string& name) {
  const auto& names = layer.source.field_names;
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

TEST(RealDataFacts, NationalTambonCodesAreUniqueAndValid) {
  CHIPAO_REQUIRE_SHARED(path,
                        kHdx + "adm3_tambon_simplified_country/tha_admbnda_adm3_rtsd_20220121.shp");
  const json j = info_json(path);
  EXPECT_TRUE(j["duplicates"].empty()) << j["duplicates"].dump().substr(0, 500);
  EXPECT_TRUE(j["bad_codes"].empty()) << j["bad_codes"].dump().substr(0, 500);
  EXPECT_EQ(j.value("invalid_repaired", -1), 0);  // "0 invalid"

  auto layer = load(path);
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  const auto counts = code_counts(*layer);
  EXPECT_EQ(counts.size(), 7425u);
  for (const auto& [code, n] : counts) {
    EXPECT_EQ(code.size(), 6u) << code;
    EXPECT_EQ(n, 1) << code;
  }
  // Thai names decode (UTF-8 without .cpg): every feature has one in Thai script.
  std::size_t thai = 0;
  for (const auto& f : layer->features) {
    if (f.name_th.find("\xE0\xB8") != std::string::npos ||
        f.name_th.find("\xE0\xB9") != std::string::npos) {
      ++thai;
    }
  }
  EXPECT_EQ(thai, layer->features.size());
}

TEST(RealDataFacts, TambonCentroidsHaveTheCountryFileCodes) {
  CHIPAO_REQUIRE_SHARED(country,
                        kHdx + "adm3_tambon_simplified_country/tha_admbnda_adm3_rtsd_20220121.shp");
  CHIPAO_REQUIRE_SHARED(csv, kHdx + "adm3_tambon_centroids/tambon lat lon location.csv");
  auto polygons = load(country);
  auto points = load(csv);
  ASSERT_TRUE(polygons.has_value()) << polygons.error().message;
  ASSERT_TRUE(points.has_value()) << points.error().message;
  std::map<std::string, int> a = code_counts(*polygons);
  std::map<std::string, int> b = code_counts(*points);
  EXPECT_EQ(a, b);
}

TEST(RealDataFacts, FullResolutionProvincesMatchTheCountryFile) {
  CHIPAO_REQUIRE_SHARED(country,
                        kHdx + "adm3_tambon_simplified_country/tha_admbnda_adm3_rtsd_20220121.shp");
  auto all = load(country);
  ASSERT_TRUE(all.has_value()) << all.error().message;
  // Province codes of the six provinces (SOURCES.md §5).
  const std::vector<std::pair<std::string, std::string>> provinces = {
      {"Mae Hong Son", "58"}, {"Si Sa Ket", "33"}, {"Tak", "63"},
      {"Yasothon", "35"},     {"Pattani", "94"},   {"Narathiwat", "96"}};
  for (const auto& [name, code] : provinces) {
    SCOPED_TRACE(name);
    CHIPAO_REQUIRE_SHARED(path, kFullres + name + "/" + name + ".shp");
    auto layer = load(path);
    ASSERT_TRUE(layer.has_value()) << layer.error().message;
    std::set<std::string> here;
    for (const auto& f : layer->features) {
      EXPECT_TRUE(f.code.starts_with(code)) << f.code;
      here.insert(f.code);
    }
    std::set<std::string> in_country;
    for (const auto& f : all->features) {
      if (f.code.starts_with(code)) in_country.insert(f.code);
    }
    EXPECT_EQ(here.size(), layer->features.size());
    EXPECT_EQ(here, in_country);
  }
}

TEST(RealDataFacts, ProvinceAdm1JsonHasOneNestedShellRepaired) {
  CHIPAO_REQUIRE_SHARED(path, "hdx_codab_tha_via_thai-geolocate/province_adm1_simplified.json");
  const json j = info_json(path);
  EXPECT_EQ(j.value("invalid_repaired", -1), 1);
  ASSERT_EQ(j["repaired"].size(), 1u) << j["repaired"].dump();
  const json& r = j["repaired"][0];
  const std::string reason = r.value("reason", "");
  EXPECT_NE(reason.find("Nested shells"), std::string::npos) << reason;
  // The repaired feature keeps its province code.
  const std::string code = r.value("code", "");
  EXPECT_EQ(code.size(), 2u) << code;
  // Near 99.68 E, 6.90 N where the reason gives a location.
  std::smatch m;
  if (std::regex_search(reason, m, std::regex(R"((\d+\.\d+)[ ,]+(\d+\.\d+))"))) {
    EXPECT_NEAR(std::stod(m[1].str()), 99.68, 0.05) << reason;
    EXPECT_NEAR(std::stod(m[2].str()), 6.90, 0.05) << reason;
  }
  EXPECT_TRUE(j["duplicates"].empty());
}

TEST(RealDataFacts, ProvinceNamesGiveTheAdm1Codes) {
  // province_simplify.shp has no code field; its names must give the same 77 codes as the
  // ADM1_PCODE of the same HDX lineage.
  CHIPAO_REQUIRE_SHARED(by_name, kHdx + "adm1_province_simplified_country/province_simplify.shp");
  CHIPAO_REQUIRE_SHARED(by_code, "hdx_codab_tha_via_thai-geolocate/province_adm1_simplified.json");
  auto named = load(by_name);
  auto coded = load(by_code);
  ASSERT_TRUE(named.has_value()) << named.error().message;
  ASSERT_TRUE(coded.has_value()) << coded.error().message;
  EXPECT_EQ(named->source.code_source, "name");
  EXPECT_TRUE(named->report.bad_codes.empty());
  EXPECT_TRUE(named->report.duplicates.empty());
  EXPECT_EQ(code_counts(*named).size(), 77u);
  EXPECT_EQ(code_counts(*named), code_counts(*coded));
  // And the English name of each code agrees between the two files.
  std::map<std::string, std::string> en;
  for (const auto& f : coded->features) en[f.code] = f.name_en;
  for (const auto& f : named->features) EXPECT_EQ(f.name_en, en[f.code]) << f.code;
}

TEST(RealDataFacts, DistrictsKeepTheDriftedWiangKaoCode) {
  CHIPAO_REQUIRE_SHARED(path, kChingchai + "districts.geojson");
  CHIPAO_REQUIRE_SHARED(
      hdx, kHdx + "adm2_amphoe_simplified_country/thailand_province_amphoe_simplify.shp");
  const json j = info_json(path);
  for (const json& b : j["bad_codes"]) {
    EXPECT_NE(b.value("value", ""), "4026") << "4026 is a valid amphoe code: " << b.dump();
  }
  auto layer = load(path);
  auto reference = load(hdx);
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  ASSERT_TRUE(reference.has_value()) << reference.error().message;
  const auto counts = code_counts(*layer);
  EXPECT_EQ(counts.size(), 928u);
  EXPECT_EQ(counts.count(""), 0u);
  EXPECT_EQ(counts.count("4026"), 1u);
  // 927 of 928 match HDX ADM2_PCODE: Wiang Kao is 4026 here and 4029 in HDX.
  std::set<std::string> mine, theirs, only_mine, only_theirs;
  for (const auto& [code, n] : counts) mine.insert(code);
  for (const auto& f : reference->features) theirs.insert(f.code);
  std::set_difference(mine.begin(), mine.end(), theirs.begin(), theirs.end(),
                      std::inserter(only_mine, only_mine.end()));
  std::set_difference(theirs.begin(), theirs.end(), mine.begin(), mine.end(),
                      std::inserter(only_theirs, only_theirs.end()));
  EXPECT_EQ(only_mine, std::set<std::string>{"4026"});
  EXPECT_EQ(only_theirs, std::set<std::string>{"4029"});
}

TEST(RealDataFacts, RegionsHaveNoCodeFieldAndSaySo) {
  for (const char* file : {"reg_nesdb.geojson", "reg_royin.geojson"}) {
    SCOPED_TRACE(file);
    CHIPAO_REQUIRE_SHARED(path, kChingchai + file);
    CommandResult r;
    const json j = info_json(path, &r);
    EXPECT_TRUE(j["level"].is_null());
    EXPECT_NE(r.err.find("warning: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--code-field"), std::string::npos) << r.err;
  }
}

TEST(RealDataFacts, KhonKaenVillageAreasMatchTheirAreaField) {
  CHIPAO_REQUIRE_SHARED(path, kVillage + "village.geojson");
  auto layer = load(path);
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  ASSERT_EQ(layer->features.size(), 17u);
  const int area = field_index(*layer, "AREA");
  ASSERT_GE(area, 0) << "no AREA field";
  std::set<std::string> codes;
  for (const auto& f : layer->features) {
    SCOPED_TRACE("FID " + std::to_string(f.fid) + " code " + f.code);
    // All villages of tambon 400106 (Mueang Khon Kaen), 8-digit codes.
    EXPECT_EQ(f.code.size(), 8u);
    EXPECT_TRUE(f.code.starts_with("400106"));
    codes.insert(f.code);
    const double source_m2 = std::stod(f.attributes.at(static_cast<std::size_t>(area)));
    ASSERT_GT(source_m2, 0.0);
    // AREA was computed in UTM 48N, whose scale differs from 1 by well under 0.1% here.
    EXPECT_NEAR(chipao::area_m2(f.geometry) / source_m2, 1.0, 0.005) << chipao::area_m2(f.geometry) << " m2 vs AREA " << source_m2;
  }
  EXPECT_EQ(codes.size(), 17u);
}

}  // namespace

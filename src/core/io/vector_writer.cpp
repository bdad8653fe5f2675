#include "core/io/vector_writer.h"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/io/atomic_output.h"
#include "core/io/csv_text.h"
#include "core/io/gdal_support.h"
#include "core/io/output_check.h"
#include "core/stats/tpmap_schema.h"

namespace fs = std::filesystem;

namespace chipao {

namespace {

std::string lower_ext(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

// Readable short forms of TPMAP columns, before any generic shortening.
std::string tpmap_short(const std::string& name) {
  static const std::vector<std::pair<std::string, std::string>> fixed{
      {"poor.household.CNT", "poor_hh"},
      {"poor.JPT.CNT", "poor_jpt"},
      {"poor.JPT.MOFreg.CNT", "poor_reg"},
      {"poor.JPT.MOFval.CNT", "target"},
      {"poor.JPT.MOFval.health", "t_health"},
      {"poor.JPT.MOFval.living", "t_living"},
      {"poor.JPT.MOFval.education", "t_educ"},
      {"poor.JPT.MOFval.income", "t_income"},
      {"poor.JPT.MOFval.accessibility", "t_access"},
      {"JPT.MOFval.pov.rate", "pov_rate"},
      {"household.CNT", "hh"},
      {"HOUSEMEMBER_CNT", "persons"},
      {"MOF_REG_CNT", "mof_reg"},
      {"MOF_VAL_CNT", "mof_val"},
      {"ELDERLY_CNT", "elderly"},
      {"DISABLED_CNT", "disabled"},
      {"CHRONICPATIENT_CNT", "chronic"},
      {"happiness", "happiness"}};
  const std::string base = name.substr(0, name.find('@'));
  for (const auto& [full, short_name] : fixed) {
    if (base == full) return short_name;
  }
  std::smatch m;
  static const std::regex ind(R"(poor\.JPT\.MOFval\.ind(\d+)\.CNT)");
  static const std::regex all(R"(indicator(\d+)\.(ALL|CNT))");
  if (std::regex_match(base, m, ind)) return "t_ind" + m[1].str();
  if (std::regex_match(base, m, all)) return "i" + m[1].str() + (m[2] == "ALL" ? "_all" : "_fail");
  return {};
}

}  // namespace

std::string shapefile_field_name(const std::string& full_name, std::vector<std::string>& taken) {
  std::string base = tpmap_short(full_name);
  if (const auto at = full_name.find('@'); at != std::string::npos && !base.empty()) {
    // Qualified by a mask: t_health@tpmap_10000 -> keep the mask digits that differ.
    const std::string suffix = full_name.substr(at + 1);
    const std::string digits = suffix.substr(suffix.find_last_of('_') + 1);
    base = base.substr(0, std::min<std::size_t>(base.size(), 4)) + digits;
  }
  if (base.empty()) {
    for (char c : full_name) {
      const auto u = static_cast<unsigned char>(c);
      base.push_back(std::isalnum(u) ? static_cast<char>(u) : '_');
    }
  }
  base = base.substr(0, 10);
  std::string candidate = base;
  for (int n = 1; std::find(taken.begin(), taken.end(), candidate) != taken.end(); ++n) {
    const std::string tail = std::to_string(n);
    candidate = base.substr(0, 10 - tail.size()) + tail;
  }
  taken.push_back(candidate);
  return candidate;
}

namespace {

std::pair<std::string, std::string> base_labels(const std::string& base) {
  if (base == "poor.JPT.MOFval.CNT") return {"คนจนเป้าหมาย", "Target poor persons"};
  if (base == "poor.JPT.CNT") return {"คนจน (จปฐ.)", "Poor persons (JPT survey)"};
  if (base == "poor.JPT.MOFreg.CNT")
    return {"คนจนที่ลงทะเบียนสวัสดิการแห่งรัฐ", "Poor persons registered for the welfare card"};
  if (base == "poor.household.CNT") return {"ครัวเรือนยากจน", "Poor households"};
  if (base == "JPT.MOFval.pov.rate") return {"สัดส่วนคนจนเป้าหมาย (%)", "Target poor rate (%)"};
  if (base == "HOUSEMEMBER_CNT") return {"จำนวนคนที่สำรวจ", "Persons surveyed"};
  if (base == "household.CNT") return {"จำนวนครัวเรือน", "Households"};
  for (const Dimension& d : tpmap_dimensions()) {
    if (base == "poor.JPT.MOFval." + std::string(d.key)) {
      return {"คนจนเป้าหมาย " + std::string(d.th), "Target poor, " + std::string(d.en)};
    }
  }
  return {base, base};
}

}  // namespace

std::pair<std::string, std::string> tpmap_labels(const std::string& column) {
  const auto at = column.find('@');
  if (at == std::string::npos) return base_labels(column);
  // A column two joined tables share ("poor.JPT.MOFval.CNT@tpmap_00010"): each says what its
  // table counts, so the two are not one name twice.
  return tpmap_group_labels(base_labels(column.substr(0, at)), column.substr(at + 1));
}

Result<std::vector<std::string>> write_layer(const std::string& path, const BoundaryLayer& layer,
                                             const std::vector<OutputColumn>& columns,
                                             const WriteOptions& options) {
  gdal::ensure_registered();
  const std::string ext = lower_ext(path);
  std::string driver_name;
  if (ext == ".gpkg") driver_name = "GPKG";
  if (ext == ".shp") driver_name = "ESRI Shapefile";
  if (ext == ".csv") driver_name = "CSV";
  if (driver_name.empty()) return fail(path + ": choose an output ending in .gpkg, .shp or .csv");
  const fs::path target(path);
  // Written beside the target, then moved into place whole (core/io/atomic_output.h).
  auto out = AtomicOutput::begin(target.parent_path(), target);
  if (!out) return std::unexpected(out.error());
  const std::string name = target.filename().string();
  const fs::path tmp_path = out->temp_path(name);

  gdal::ErrorCapture errors;
  const auto failed = [&](std::string_view detail) {
    return std::unexpected(out->library_failure(name, detail));
  };
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  gdal::DatasetPtr ds(driver->Create(tmp_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) return failed("cannot be created: " + errors.last());
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::vector<std::string> layer_options;
  const bool shapefile = driver_name == "ESRI Shapefile";
  const bool csv = driver_name == "CSV";
  if (shapefile)
    layer_options.push_back("ENCODING=" +
                            std::string(options.encoding == "CP874" ? "CP874" : "UTF-8"));
  if (csv) layer_options.push_back("GEOMETRY=AS_WKT");
  std::vector<const char*> lco;
  for (const auto& o : layer_options) lco.push_back(o.c_str());
  lco.push_back(nullptr);
  const bool with_geometry = options.geometry && !csv;
  const bool points =
      !layer.features.empty() && layer.features[0].geometry.kind == GeometryKind::point;
  OGRLayer* out_layer =
      ds->CreateLayer(target.stem().c_str(), with_geometry ? &wgs84 : nullptr,
                      with_geometry ? (points ? wkbPoint : wkbMultiPolygon) : wkbNone,
                      const_cast<char**>(lco.data()));
  if (out_layer == nullptr) return failed("cannot create the layer: " + errors.last());

  struct Field {
    std::string full, stored, th, en;
  };
  std::vector<Field> fields;
  std::vector<std::string> taken;
  auto add_field = [&](const std::string& full, OGRFieldType type, const std::string& th,
                       const std::string& en) -> bool {
    const std::string stored = shapefile ? shapefile_field_name(full, taken) : full;
    OGRFieldDefn defn(stored.c_str(), type);
    if (type == OFTString && shapefile) defn.SetWidth(254);
    if (out_layer->CreateField(&defn) != OGRERR_NONE) return false;
    fields.push_back({full, stored, th, en});
    return true;
  };
  bool ok = add_field("code", OFTString, "รหัส", "Code") &&
            add_field("name_th", OFTString, "ชื่อ (ไทย)", "Name (Thai)") &&
            add_field("name_en", OFTString, "ชื่อ (อังกฤษ)", "Name (English)");
  for (const OutputColumn& c : columns)
    ok = ok && add_field(c.name, c.numeric ? OFTReal : OFTString, c.label_th, c.label_en);
  if (!ok) return failed("cannot create its fields: " + errors.last());

  // Text a spreadsheet would run as a formula is neutralised in CSV (core/io/csv_text.h).
  const auto text = [&](const std::string& s) { return csv ? csv_safe_text(s) : s; };
  // GeoPackage writes far faster in one transaction; shapefiles have none, which is fine.
  (void)ds->StartTransaction();
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const BoundaryFeature& f = layer.features[i];
    OGRFeature feature(out_layer->GetLayerDefn());
    feature.SetField(0, text(f.code).c_str());
    feature.SetField(1, text(f.name_th).c_str());
    feature.SetField(2, text(f.name_en).c_str());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const int field = static_cast<int>(c + 3);
      if (columns[c].numeric) {
        const double v = columns[c].numbers[i];
        if (std::isnan(v)) {
          feature.SetFieldNull(field);
        } else {
          feature.SetField(field, v);
        }
      } else {
        feature.SetField(field, text(columns[c].texts[i]).c_str());
      }
    }
    if (with_geometry && !f.geometry.empty()) {
      if (points) {
        feature.SetGeometryDirectly(new OGRPoint(f.geometry.points[0].x, f.geometry.points[0].y));
      } else {
        auto* multi = new OGRMultiPolygon();
        for (std::size_t p = 0; p < f.geometry.polygon_count(); ++p) {
          auto* poly = new OGRPolygon();
          for (std::uint32_t r = f.geometry.polygon_first_ring(p); r < f.geometry.polygon_ends[p];
               ++r) {
            auto* ring = new OGRLinearRing();
            const auto pts = f.geometry.ring(r);
            ring->setNumPoints(static_cast<int>(pts.size()));
            for (std::size_t k = 0; k < pts.size(); ++k)
              ring->setPoint(static_cast<int>(k), pts[k].x, pts[k].y);
            poly->addRingDirectly(ring);
          }
          multi->addGeometryDirectly(poly);
        }
        feature.SetGeometryDirectly(multi);
      }
    }
    if (out_layer->CreateFeature(&feature) != OGRERR_NONE)
      return failed(fmt::format("cannot write feature {} (code {}): {}", i, f.code, errors.last()));
  }
  // A GeoPackage that cannot commit reports it through GDAL's errors, checked below; the
  // other drivers have no transactions and say nothing.
  (void)ds->CommitTransaction();
  ds.reset();  // closes every file of the set; what it could not flush is found below
  if (auto whole =
          check_written(*out, name, errors.last_failure(), {{name, layer.features.size() + 1}});
      !whole)
    return std::unexpected(whole.error());
  if (shapefile) {
    nlohmann::ordered_json sidecar = nlohmann::ordered_json::array();
    for (const Field& f : fields)
      sidecar.push_back(
          {{"field", f.stored}, {"name", f.full}, {"label_th", f.th}, {"label_en", f.en}});
    if (auto written =
            out->write_file(target.stem().string() + ".fields.json", sidecar.dump(2) + "\n");
        !written)
      return std::unexpected(written.error());
  }
  return out->commit();
}

}  // namespace chipao

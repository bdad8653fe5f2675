#include "core/plan/plan_table_writer.h"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/io/gdal_support.h"
#include "core/io/move_into_place.h"

namespace fs = std::filesystem;

namespace chipao {

namespace {

OGRFieldType ogr_type(ExportField::Type t) {
  switch (t) {
    case ExportField::Type::text:
      return OFTString;
    case ExportField::Type::integer:
      return OFTInteger64;
    case ExportField::Type::real:
      return OFTReal;
  }
  return OFTString;
}

// ChiPao's flat polygons as an OGR multipolygon (owned by the caller).
std::unique_ptr<OGRMultiPolygon> to_ogr(const FeatureGeometry& g) {
  auto multi = std::make_unique<OGRMultiPolygon>();
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    auto poly = std::make_unique<OGRPolygon>();
    for (std::uint32_t r = g.polygon_first_ring(p); r < g.polygon_ends[p]; ++r) {
      auto ring = std::make_unique<OGRLinearRing>();
      const auto pts = g.ring(r);
      ring->setNumPoints(static_cast<int>(pts.size()));
      for (std::size_t k = 0; k < pts.size(); ++k)
        ring->setPoint(static_cast<int>(k), pts[k].x, pts[k].y);
      poly->addRingDirectly(ring.release());
    }
    multi->addGeometryDirectly(poly.release());
  }
  return multi;
}

// Painted zones are lists of units that share edges; as one polygon they read as one area in
// every GIS. GEOS (through OGR) does the union; should it fail, the undissolved units are
// still the right area.
OGRGeometry* dissolved(std::unique_ptr<OGRMultiPolygon> multi) {
  if (multi->getNumGeometries() < 2) return multi.release();
  std::unique_ptr<OGRGeometry> u(multi->UnionCascaded());
  if (!u || u->IsEmpty()) return multi.release();
  return OGRGeometryFactory::forceToMultiPolygon(u.release());
}

struct TempFolder {
  fs::path path;
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

Result<void> write_table(GDALDataset& ds, const ExportTable& table,
                         const TableWriteOptions& options, const fs::path& tmp,
                         const std::string& shown) {
  gdal::ErrorCapture errors;
  const bool shapefile = options.format == ExportFormat::shp;
  const bool with_geometry = !table.geometries.empty() && options.format != ExportFormat::csv;
  std::vector<std::string> lco_text;
  if (shapefile) lco_text.push_back("ENCODING=" + options.encoding);
  if (options.format == ExportFormat::gpkg && !table.description.empty())
    lco_text.push_back("DESCRIPTION=" + table.description);
  std::vector<const char*> lco;
  for (const std::string& o : lco_text) lco.push_back(o.c_str());
  lco.push_back(nullptr);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer =
      ds.CreateLayer(table.name.c_str(), with_geometry ? &wgs84 : nullptr,
                     with_geometry ? wkbMultiPolygon : wkbNone, const_cast<char**>(lco.data()));
  if (layer == nullptr)
    return fail(
        fmt::format("{}: cannot create the layer {} ({})", shown, table.name, errors.last()));
  for (const ExportField& f : table.fields) {
    const std::string& stored = shapefile ? f.short_name : f.name;
    OGRFieldDefn defn(stored.c_str(), ogr_type(f.type));
    if (shapefile && f.type == ExportField::Type::text) defn.SetWidth(254);
    if (layer->CreateField(&defn) != OGRERR_NONE)
      return fail(fmt::format("{}: cannot create field {} of {} ({})", shown, stored, table.name,
                              errors.last()));
  }
  (void)ds.StartTransaction();
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    OGRFeature feature(layer->GetLayerDefn());
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < table.fields.size() && c < row.size(); ++c) {
      const int field = static_cast<int>(c);
      const ExportValue& v = row[c];
      if (const auto* i = std::get_if<std::int64_t>(&v)) {
        feature.SetField(field, static_cast<GIntBig>(*i));
      } else if (const auto* d = std::get_if<double>(&v); d != nullptr && !std::isnan(*d)) {
        feature.SetField(field, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        feature.SetField(field, s->c_str());
      } else {
        feature.SetFieldNull(field);
      }
    }
    if (with_geometry && r < table.geometries.size() && !table.geometries[r].empty()) {
      auto multi = to_ogr(table.geometries[r]);
      const bool dissolve = r < table.dissolve.size() && table.dissolve[r];
      feature.SetGeometryDirectly(dissolve ? dissolved(std::move(multi)) : multi.release());
    }
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
      return fail(fmt::format("{}: cannot write row {} of {} ({})", shown, r + 1, table.name,
                              errors.last()));
  }
  (void)ds.CommitTransaction();
  if (shapefile) {
    nlohmann::ordered_json sidecar = nlohmann::ordered_json::array();
    for (const ExportField& f : table.fields) {
      nlohmann::ordered_json j{{"field", f.short_name},
                               {"name", f.name},
                               {"label_th", f.label_th},
                               {"label_en", f.label_en}};
      if (!f.note.empty()) j["note"] = f.note;
      sidecar.push_back(std::move(j));
    }
    std::ofstream(tmp / (table.name + ".fields.json")) << sidecar.dump(2) << "\n";
  }
  return {};
}

}  // namespace

std::string_view export_format_key(ExportFormat f) {
  switch (f) {
    case ExportFormat::shp:
      return "shp";
    case ExportFormat::gpkg:
      return "gpkg";
    case ExportFormat::csv:
      return "csv";
  }
  return "shp";
}

Result<std::vector<std::string>> write_export_tables(const std::string& dir,
                                                     std::span<const ExportTable> tables,
                                                     std::span<const ExportFile> files,
                                                     const TableWriteOptions& options) {
  gdal::ensure_registered();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return fail(fmt::format("{}: the folder does not exist; create it first", dir));
  TempFolder tmp{fs::path(dir) / ".chipao-export-tmp"};
  fs::remove_all(tmp.path, ec);
  fs::create_directories(tmp.path, ec);
  if (ec) return fail(fmt::format("{}: cannot write here ({})", dir, ec.message()));

  const char* driver_name = options.format == ExportFormat::gpkg  ? "GPKG"
                            : options.format == ExportFormat::csv ? "CSV"
                                                                  : "ESRI Shapefile";
  {
    gdal::ErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (driver == nullptr)
      return fail(fmt::format("{}: this GDAL has no {} driver", dir, driver_name));
    // A GeoPackage is one file holding every table; shapefiles and CSV are a folder of files,
    // which GDAL's CSV driver insists on creating itself.
    const fs::path target =
        options.format == ExportFormat::gpkg ? tmp.path / options.gpkg_name : tmp.path / "set";
    const std::string shown = (fs::path(dir) / target.filename()).string();
    gdal::DatasetPtr ds(driver->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return fail(fmt::format("{}: cannot be created ({})", shown, errors.last()));
    for (const ExportTable& t : tables) {
      if (auto ok = write_table(*ds, t, options, tmp.path, shown); !ok)
        return std::unexpected(ok.error());
    }
  }  // closed: every file of the set is flushed before it is moved
  for (const ExportFile& f : files) {
    std::ofstream out(tmp.path / f.name, std::ios::binary);
    out << f.bytes;
    if (!out) return fail(fmt::format("{}: cannot write {}", dir, f.name));
  }
  const fs::path written_in[] = {tmp.path / "set", tmp.path};
  return move_files_into_place(written_in, dir);
}

}  // namespace chipao

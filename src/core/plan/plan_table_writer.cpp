#include "core/plan/plan_table_writer.h"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/io/atomic_output.h"
#include "core/io/csv_text.h"
#include "core/io/gdal_support.h"
#include "core/io/output_check.h"

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

// Writes one table into `ds`; the shapefile sidecar goes straight into `out`. `name` is the
// file a failure names; `errors` collects GDAL's messages for the whole dataset.
Result<void> write_table(GDALDataset& ds, const ExportTable& table,
                         const TableWriteOptions& options, AtomicOutput& out,
                         const std::string& name, const gdal::ErrorCapture& errors) {
  const auto failed = [&](std::string_view detail) {
    return std::unexpected(out.library_failure(name, detail));
  };
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
    return failed(fmt::format("cannot create the layer {}: {}", table.name, errors.last()));
  for (const ExportField& f : table.fields) {
    const std::string& stored = shapefile ? f.short_name : f.name;
    OGRFieldDefn defn(stored.c_str(), ogr_type(f.type));
    if (shapefile && f.type == ExportField::Type::text) defn.SetWidth(254);
    if (layer->CreateField(&defn) != OGRERR_NONE)
      return failed(
          fmt::format("cannot create field {} of {}: {}", stored, table.name, errors.last()));
  }
  // Text a spreadsheet would run as a formula is neutralised in CSV (core/io/csv_text.h).
  const bool csv = options.format == ExportFormat::csv;
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
        feature.SetField(field, csv ? csv_safe_text(*s).c_str() : s->c_str());
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
      return failed(fmt::format("cannot write row {} of {}: {}", r + 1, table.name, errors.last()));
  }
  // A GeoPackage that cannot commit says so through GDAL's errors, checked after closing.
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
    return out.write_file(table.name + ".fields.json", sidecar.dump(2) + "\n");
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

Result<void> write_export_tables(AtomicOutput& out, std::span<const ExportTable> tables,
                                 std::span<const ExportFile> files,
                                 const TableWriteOptions& options) {
  gdal::ensure_registered();

  const char* driver_name = options.format == ExportFormat::gpkg  ? "GPKG"
                            : options.format == ExportFormat::csv ? "CSV"
                                                                  : "ESRI Shapefile";
  const std::string ext(options.format == ExportFormat::csv ? ".csv" : ".shp");
  // What a failure of the whole dataset names: the GeoPackage, or the first table's file.
  const std::string name = options.format == ExportFormat::gpkg ? options.gpkg_name
                           : tables.empty()                     ? std::string("set")
                                                                : tables.front().name + ext;
  std::map<std::string, std::size_t> csv_records;
  for (const ExportTable& t : tables) csv_records[t.name + ".csv"] = t.rows.size() + 1;
  {
    gdal::ErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (driver == nullptr)
      return fail(fmt::format("{}: this GDAL has no {} driver", out.final_path(name).string(),
                              driver_name));
    // A GeoPackage is one file holding every table; shapefiles and CSV are a folder of files,
    // which GDAL's CSV driver insists on creating itself.
    const fs::path target = options.format == ExportFormat::gpkg ? out.temp_path(options.gpkg_name)
                                                                 : out.temp_path("set");
    gdal::DatasetPtr ds(driver->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
      return std::unexpected(out.library_failure(name, "cannot be created: " + errors.last()));
    for (const ExportTable& t : tables) {
      const std::string shown = options.format == ExportFormat::gpkg ? name : t.name + ext;
      if (auto ok = write_table(*ds, t, options, out, shown, errors); !ok)
        return std::unexpected(ok.error());
    }
    ds.reset();  // closes every file of the set; what it could not flush is found below
    if (auto whole = check_written(out, name, errors.last_failure(), csv_records); !whole)
      return std::unexpected(whole.error());
  }
  for (const ExportFile& f : files) {
    if (auto written = out.write_file(f.name, f.bytes); !written)
      return std::unexpected(written.error());
  }
  return {};
}

Result<std::vector<std::string>> write_export_tables(const std::string& dir,
                                                     std::span<const ExportTable> tables,
                                                     std::span<const ExportFile> files,
                                                     const TableWriteOptions& options) {
  // Everything is written beside the outputs and moved into place whole.
  auto out = AtomicOutput::begin(dir);
  if (!out) return std::unexpected(out.error());
  if (auto written = write_export_tables(*out, tables, files, options); !written)
    return std::unexpected(written.error());
  return out->commit();
}

}  // namespace chipao

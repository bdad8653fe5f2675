// Writing the tables of a plan export — each a list of typed fields and rows, with or without
// polygons — as ESRI Shapefile sets, one GeoPackage, or CSV files, whole or not at all
// (core/io/atomic_output.h): an export that fails leaves no half-written file and no
// temporary one, and says which file failed and why (a full or read-only disk). CSV text a
// spreadsheet would run as a formula is neutralised (core/io/csv_text.h).
//
// Shapefiles: one .shp/.shx/.dbf/.prj/.cpg set per table with polygons, a .dbf and .cpg only
// for a table without; text in UTF-8 or CP874 (GDAL's ENCODING=, so the .cpg matches the
// bytes); field names of at most 10 characters (ExportField::short_name) with a sidecar
// <table>.fields.json mapping each to its full name and Thai and English label (the format
// core/io/vector_writer.h writes, plus a "note" where a field has one). GeoPackage and CSV use
// the full names. Geometry is WGS 84 (EPSG:4326).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/geo/geometry.h"
#include "core/io/atomic_output.h"
#include "core/util/result.h"

namespace chipao {

enum class ExportFormat { shp, gpkg, csv };
std::string_view export_format_key(ExportFormat f);  // "shp", "gpkg", "csv"

struct ExportField {
  enum class Type { text, integer, real };
  std::string name;        // full name, used by GeoPackage and CSV
  std::string short_name;  // 1..10 ASCII characters, unique in its table
  std::string label_th, label_en;
  Type type = Type::real;
  std::string note;  // e.g. how small counts are suppressed; empty for none
};

// Null (std::monostate), a whole number, a real (NaN is written as null) or UTF-8 text.
using ExportValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct ExportTable {
  std::string name;         // the layer name and file stem: letters, digits, '_'
  std::string description;  // GeoPackage layer description
  std::vector<ExportField> fields;
  std::vector<std::vector<ExportValue>> rows;  // each one value per field
  // Empty: a table without geometry. Otherwise one (multi)polygon per row, WGS 84.
  std::vector<FeatureGeometry> geometries;
  // Dissolve each row's polygons into one (painted zones are lists of adjoining units).
  std::vector<bool> dissolve;  // empty or one per row
};

struct TableWriteOptions {
  ExportFormat format = ExportFormat::shp;
  std::string encoding = "UTF-8";  // shapefile text: "UTF-8" or "CP874"
  std::string gpkg_name = "plan.gpkg";
};

// A file written as given beside the tables (a CSV summary, a manifest), in the same
// all-or-nothing step.
struct ExportFile {
  std::string name;  // file name, no folder
  std::string bytes;
};

// Writes the tables and files into the existing folder `dir`; returns the paths written,
// sorted.
Result<std::vector<std::string>> write_export_tables(const std::string& dir,
                                                     std::span<const ExportTable> tables,
                                                     std::span<const ExportFile> files,
                                                     const TableWriteOptions& options);

// The same into `out`, whose commit() then moves them into place with whatever else the
// export writes there (the plan sheet).
Result<void> write_export_tables(AtomicOutput& out, std::span<const ExportTable> tables,
                                 std::span<const ExportFile> files,
                                 const TableWriteOptions& options);

}  // namespace chipao

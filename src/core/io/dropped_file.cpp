#include "core/io/dropped_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/io/boundary_reader.h"
#include "core/store/spatialite_store.h"

namespace chipao {

namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_table_extension(const std::string& ext) {
  return ext == ".csv" || ext == ".xlsx" || ext == ".tsv" || ext == ".txt";
}

bool is_vector_extension(const std::string& ext) {
  return ext == ".shp" || ext == ".geojson" || ext == ".json" || ext == ".gpkg" || ext == ".fgb" ||
         ext == ".zip" || ext == ".kml" || ext == ".sqlite";
}

constexpr const char* kWhatOpens =
    "ChiPao opens projects (.chipao), boundary or zone files (.shp, .gpkg, .geojson, .zip) and "
    "tables (.csv, .xlsx)";

}  // namespace

DroppedFile classify_dropped(const std::string& path) {
  DroppedFile out;
  out.path = path;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    out.reason = fmt::format("{} does not exist", path);
    return out;
  }
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file() && is_table_extension(lower_extension(entry.path())))
        out.tables.push_back(entry.path().string());
    std::sort(out.tables.begin(), out.tables.end());
    if (out.tables.empty()) {
      out.reason =
          fmt::format("{}: the folder holds no tables (.csv, .xlsx); {}", path, kWhatOpens);
      return out;
    }
    out.kind = DroppedKind::table_folder;
    return out;
  }
  const std::string ext = lower_extension(path);
  // A project first: by its content, whatever its name (SQLite with ChiPao's tables).
  if (ext == ".chipao" || ext == ".sqlite" || ext == ".db" || ext == ".gpkg") {
    if (SpatiaLiteStore::identify(path) == SpatiaLiteStore::FileKind::project) {
      out.kind = DroppedKind::project;
      return out;
    }
    if (ext == ".chipao" || ext == ".db") {
      out.reason = fmt::format("{} is not a ChiPao project; {}", path, kWhatOpens);
      return out;
    }
  }
  if (is_table_extension(ext)) {
    out.kind = DroppedKind::table;
    return out;
  }
  if (is_vector_extension(ext)) {
    LoadOptions options;
    options.keep_attributes = false;
    auto layer = load_boundaries(path, options);
    if (!layer) {
      out.reason = layer.error().message;
      return out;
    }
    // Administrative codes make boundaries; polygons without them are a plan's zones.
    if (layer->source.level) {
      out.kind = DroppedKind::boundaries;
    } else if (layer->source.geometry_type.find("POLYGON") != std::string::npos ||
               layer->source.geometry_type.find("Polygon") != std::string::npos) {
      out.kind = DroppedKind::zones;
    } else {
      out.kind = DroppedKind::boundaries;  // points without codes: shown, given codes later
    }
    return out;
  }
  out.reason = fmt::format("{}: not a file ChiPao reads; {}", path, kWhatOpens);
  return out;
}

}  // namespace chipao

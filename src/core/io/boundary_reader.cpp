#include "core/io/boundary_reader.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <thread>

#include "core/admin/admin_code.h"
#include "core/admin/field_detection.h"
#include "core/geo/crs.h"
#include "core/io/feature_scan.h"
#include "core/io/gdal_support.h"
#include "core/io/text_encoding.h"
#include "core/layer/code_assignment.h"

namespace chipao {

namespace {

// OGC names ("MultiPolygon"), as QGIS and ogrinfo -so users read them.
std::string geometry_type_name(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbPoint:
      return "Point";
    case wkbMultiPoint:
      return "MultiPoint";
    case wkbPolygon:
      return "Polygon";
    case wkbMultiPolygon:
      return "MultiPolygon";
    case wkbLineString:
      return "LineString";
    case wkbMultiLineString:
      return "MultiLineString";
    case wkbGeometryCollection:
      return "GeometryCollection";
    case wkbCurvePolygon:
      return "CurvePolygon";
    case wkbMultiSurface:
      return "MultiSurface";
    case wkbUnknown:
      return "Geometry";
    default:
      return OGRGeometryTypeToName(wkbFlatten(type));
  }
}

bool is_point_type(OGRwkbGeometryType type) {
  const auto flat = wkbFlatten(type);
  return flat == wkbPoint || flat == wkbMultiPoint;
}

Result<OGRLayer*> choose_layer(GDALDataset& ds, const std::string& user_path,
                               const std::optional<std::string>& wanted,
                               std::vector<std::string>& warnings) {
  std::vector<std::string> names;
  for (int i = 0; i < ds.GetLayerCount(); ++i) names.emplace_back(ds.GetLayer(i)->GetName());
  auto list = [&] {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
  };
  if (names.empty()) return fail(user_path + ": holds no vector layer");
  if (wanted) {
    OGRLayer* layer = ds.GetLayerByName(wanted->c_str());
    if (layer == nullptr) {
      return fail(
          fmt::format("{}: has no layer '{}'; its layers are: {}", user_path, *wanted, list()));
    }
    return layer;
  }
  if (names.size() > 1) {
    // Prefer the first layer with polygons: that is what a boundary source is for.
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
      const auto flat = wkbFlatten(ds.GetLayer(i)->GetGeomType());
      if (flat == wkbPolygon || flat == wkbMultiPolygon) {
        warnings.push_back(
            fmt::format("{}: has {} layers ({}); read '{}' — choose another with --layer",
                        user_path, names.size(), list(), names[static_cast<std::size_t>(i)]));
        return ds.GetLayer(i);
      }
    }
    warnings.push_back(
        fmt::format("{}: has {} layers ({}); read '{}' — choose another with --layer", user_path,
                    names.size(), list(), names[0]));
  }
  return ds.GetLayer(0);
}

// The province of the first features, from whatever code field they have: it settles the
// band of eastings where UTM 47N and 48N both land in Thailand.
std::string province_hint(OGRLayer& layer) {
  std::vector<std::string> names;
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  FieldSamples samples(names.size());
  layer.ResetReading();
  for (int row = 0; row < 20; ++row) {
    std::unique_ptr<OGRFeature> f(layer.GetNextFeature());
    if (!f) break;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      samples[static_cast<std::size_t>(i)].push_back(f->GetFieldAsString(i));
  }
  layer.ResetReading();
  const auto spec = detect_code_fields(names, samples);
  if (!spec) return {};
  const auto it = std::find(names.begin(), names.end(), spec->fields.front());
  const std::vector<std::string>& values = samples[static_cast<std::size_t>(it - names.begin())];
  for (const std::string& v : values) {
    const CodeCheck c =
        spec->composite() ? normalise_composite_code({v, "01"}) : normalise_code(v, spec->level);
    if (c.value) return c.value->code.substr(0, 2);
  }
  return {};
}

struct CrsDecision {
  std::optional<std::string> transform_from;  // unset: already WGS 84 lon/lat
  std::string name;
  std::string source;
};

std::string authority_of(const OGRSpatialReference& srs) {
  OGRSpatialReference copy(srs);
  const char* auth = copy.GetAuthorityName(nullptr);
  const char* code = copy.GetAuthorityCode(nullptr);
  // AutoIdentifyEPSG recognises the common cases (WGS 84, UTM zones) without a database
  // search; ESRI .prj files carry no authority code at all.
  if ((auth == nullptr || code == nullptr) && copy.AutoIdentifyEPSG() == OGRERR_NONE) {
    auth = copy.GetAuthorityName(nullptr);
    code = copy.GetAuthorityCode(nullptr);
  }
  if (auth == nullptr || code == nullptr) {
    // ESRI .prj files carry no authority; ask PROJ for the best match.
    int count = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* matches = copy.FindMatches(nullptr, &count, &confidence);
    std::string found;
    if (count > 0 && confidence[0] >= 70) {
      auto* best = OGRSpatialReference::FromHandle(matches[0]);
      if (best->GetAuthorityName(nullptr) && best->GetAuthorityCode(nullptr)) {
        found =
            std::string(best->GetAuthorityName(nullptr)) + ":" + best->GetAuthorityCode(nullptr);
      }
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    return found;
  }
  return std::string(auth) + ":" + code;
}

Result<CrsDecision> decide_crs(OGRLayer& layer, const std::string& user_path,
                               const LoadOptions& options, const std::string& driver,
                               std::vector<std::string>& warnings) {
  CrsDecision d;
  if (options.crs) {
    d.name = *options.crs;
    d.source = options.override_origin;
    if (!is_wgs84_lonlat(*options.crs)) d.transform_from = *options.crs;
    return d;
  }
  if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
    const std::string authority = authority_of(*srs);
    d.name = authority.empty() ? std::string(srs->GetName() ? srs->GetName() : "unnamed CRS")
                               : authority;
    d.source = driver == "ESRI Shapefile" ? "prj" : "source";
    if (!is_wgs84_lonlat(authority)) {
      char* wkt = nullptr;
      const char* wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
      srs->exportToWkt(&wkt, wkt_options);
      d.transform_from = authority.empty() ? std::string(wkt ? wkt : "") : authority;
      CPLFree(wkt);
    }
    return d;
  }
  // No .prj: guess from where the coordinates fall.
  OGREnvelope env;
  if (layer.GetExtent(&env, TRUE) != OGRERR_NONE) {
    return fail(user_path +
                ": has no CRS (.prj) and no extent to guess one from; pass --crs EPSG:4326 (or the "
                "layer's code)");
  }
  Bbox raw;
  raw.expand(Vec2{env.MinX, env.MinY});
  raw.expand(Vec2{env.MaxX, env.MaxY});
  auto guess = guess_crs_from_extent(raw, province_hint(layer));
  if (!guess) {
    return fail(
        fmt::format("{}: has no CRS (.prj), and {}; pass --crs with the layer's EPSG code "
                    "(for example EPSG:24047 for Indian 1975 / UTM 47N)",
                    user_path, guess.error().message));
  }
  d.name = guess->crs;
  d.source = "guessed";
  if (!is_wgs84_lonlat(guess->crs)) d.transform_from = guess->crs;
  warnings.push_back(
      fmt::format("{}: has no CRS (.prj); assumed {} because {}; override with --crs", user_path,
                  guess->crs, guess->reason));
  return d;
}

struct EncodingDecision {
  TextEncoding encoding = TextEncoding::utf8;
  std::string source;
};

// .cpg (shapefiles), then the user's flag, then the bytes themselves.
Result<EncodingDecision> decide_encoding(const LoadOptions& options, const gdal::OpenRequest& req,
                                         GDALDataset& ds, const std::string& user_path,
                                         EncodingDetector detector,
                                         const std::vector<std::string>& raw_field_names,
                                         std::vector<std::string>& warnings) {
  for (const std::string& n : raw_field_names) detector.feed(n);
  const EncodingGuess guess = detector.guess();
  if (options.encoding) {
    auto parsed = parse_encoding(*options.encoding);
    if (!parsed) {
      return fail(fmt::format(
          "{}: encoding '{}' ({}) is not one ChiPao reads; use UTF-8 or CP874 (TIS-620)", user_path,
          *options.encoding, options.override_origin));
    }
    return EncodingDecision{*parsed, options.override_origin};
  }
  if (req.driver == "ESRI Shapefile") {
    char** files = ds.GetFileList();
    std::string cpg_text;
    std::string cpg_name;
    for (char** f = files; f != nullptr && *f != nullptr; ++f) {
      std::string name(*f);
      std::string lower_name = name;
      std::transform(lower_name.begin(), lower_name.end(), lower_name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower_name.ends_with(".cpg")) {
        cpg_name = name;
        cpg_text = gdal::read_small_file(name);
      }
    }
    CSLDestroy(files);
    if (!cpg_name.empty()) {
      std::string trimmed = cpg_text;
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
        trimmed.pop_back();
      if (auto parsed = parse_encoding(trimmed)) {
        if (*parsed == TextEncoding::utf8 && guess.encoding == TextEncoding::cp874) {
          warnings.push_back(
              fmt::format("{}: the .cpg says UTF-8 but the text is not valid UTF-8 "
                          "(it looks like TIS-620); broken characters were dropped — "
                          "pass --encoding CP874 if the names look wrong",
                          user_path));
        }
        return EncodingDecision{*parsed, "cpg"};
      }
      warnings.push_back(
          fmt::format("{}: the .cpg says '{}', which ChiPao does not read; the "
                      "encoding was detected from the text instead",
                      user_path, trimmed));
    }
  } else if (guess.encoding == TextEncoding::cp874) {
    warnings.push_back(user_path +
                       ": text is not valid UTF-8 as the format requires; read as "
                       "CP874 (TIS-620) — pass --encoding to choose");
  }
  return EncodingDecision{guess.encoding, "detected"};
}

// In place: UTF-8 text that the detector found valid throughout is moved, not copied.
void to_utf8(std::string& text, TextEncoding encoding) {
  if (encoding == TextEncoding::cp874) {
    text = cp874_to_utf8(text);
  } else if (!is_valid_utf8(text)) {
    // Checked for every value even when the detector saw no invalid UTF-8: it forgives a
    // character cut at the end of a value (DBF fields cut them at 254 bytes), and such a name
    // would break every JSON it is written to (a zone's history, --json).
    text = sanitise_utf8(text);
  }
}

}  // namespace

namespace {

// Records the wall time since the previous mark under a phase name.
class PhaseClock {
 public:
  explicit PhaseClock(std::vector<std::pair<std::string, double>>& out) : out_(out) {}
  void mark(const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    out_.emplace_back(phase, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  std::vector<std::pair<std::string, double>>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

Result<BoundaryLayer> load_boundaries(const std::string& path, const LoadOptions& options) {
  std::vector<std::pair<std::string, double>> phases;
  PhaseClock clock(phases);
  auto req = gdal::prepare_open(path);
  if (!req) return std::unexpected(req.error());
  auto ds = gdal::open_dataset(*req, path);
  if (!ds) return std::unexpected(ds.error());

  BoundaryLayer result;
  auto& warnings = result.report.warnings;
  auto chosen = choose_layer(**ds, path, options.layer, warnings);
  if (!chosen) return std::unexpected(chosen.error());
  OGRLayer& layer = **chosen;
  SourceDescription& src = result.source;
  src.path = path;
  src.driver = (*ds)->GetDriver() != nullptr ? (*ds)->GetDriver()->GetDescription() : req->driver;
  req->driver = src.driver;
  src.layer = layer.GetName();
  src.geometry_type = geometry_type_name(layer.GetGeomType());

  if (layer.GetGeomType() == wkbNone || layer.GetLayerDefn()->GetGeomFieldCount() == 0) {
    return fail(
        fmt::format("{}: layer '{}' has no geometry column, so it cannot be drawn or "
                    "joined to places; for a table of figures use 'chipao-cli join --table'",
                    path, src.layer));
  }
  const GIntBig count = layer.GetFeatureCount(TRUE);
  if (count <= 0) {
    return fail(
        fmt::format("{}: layer '{}' is empty (0 features); export the layer again with its "
                    "features",
                    path, src.layer));
  }
  if (options.require == GeometryRequirement::polygon && is_point_type(layer.GetGeomType())) {
    return fail(
        fmt::format("{}: layer '{}' holds points ({}), but boundaries must be polygons here; "
                    "use the polygon file of the same units (village points can be shown as "
                    "a point layer)",
                    path, src.layer, src.geometry_type));
  }

  if (options.encoding && !parse_encoding(*options.encoding)) {
    return fail(
        fmt::format("{}: encoding '{}' ({}) is not one ChiPao reads; use UTF-8 or CP874 (TIS-620)",
                    path, *options.encoding, options.override_origin));
  }
  clock.mark("open");
  auto crs = decide_crs(layer, path, options, src.driver, warnings);
  if (!crs) return std::unexpected(crs.error());
  clock.mark("crs");
  src.crs = crs->name;
  src.crs_source = crs->source;

  OGRFeatureDefn* defn = layer.GetLayerDefn();
  std::vector<std::string> raw_field_names;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    raw_field_names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());

  gdal::ScanRequest scan;
  scan.open = *req;
  scan.user_path = path;
  scan.layer_name = src.layer;
  scan.feature_count = count;
  scan.field_count = defn->GetFieldCount();
  scan.source_crs = crs->transform_from;
  scan.repair_invalid = options.repair_invalid;
  scan.keep_attributes = true;  // codes and names come from attributes; dropped later if asked
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Only shapefiles seek to a feature index in constant time; other drivers read in one pass.
  scan.threads = src.driver == "ESRI Shapefile"
                     ? std::min(options.threads > 0 ? options.threads : cores, 8)
                     : 1;
  scan.progress = options.progress;
  auto scanned = gdal::scan_features(scan);
  if (!scanned) return std::unexpected(scanned.error());
  clock.mark("scan");

  auto encoding =
      decide_encoding(options, *req, **ds, path, scanned->text, raw_field_names, warnings);
  if (!encoding) return std::unexpected(encoding.error());
  src.encoding = std::string(encoding_name(encoding->encoding));
  src.encoding_source = encoding->source;
  for (std::string n : raw_field_names) {
    to_utf8(n, encoding->encoding);
    src.field_names.push_back(std::move(n));
  }

  result.features.reserve(scanned->features.size());
  std::size_t transform_failures = 0;
  for (gdal::ScannedFeature& s : scanned->features) {
    BoundaryFeature& f = result.features.emplace_back();
    f.fid = s.fid;
    f.attributes = std::move(s.raw_values);
    for (std::string& v : f.attributes) to_utf8(v, encoding->encoding);
    f.geometry = std::move(s.geometry);
    f.bbox = s.bbox;
    if (s.transform_failed) ++transform_failures;
    if (!s.invalid_reason.empty())
      result.report.repaired.push_back(RepairedGeometry{f.fid, "", s.invalid_reason});
    if (f.geometry.empty()) result.report.empty_geometries.push_back(f.fid);
    result.extent_wgs84.expand(f.bbox);
  }
  if (transform_failures > 0) {
    warnings.push_back(
        fmt::format("{}: {} feature(s) could not be transformed from {} to WGS 84; "
                    "check the CRS or pass --crs",
                    path, transform_failures, src.crs));
  }

  clock.mark("assemble");
  CodeAssignmentOptions code_options;
  code_options.level = options.level;
  code_options.code_fields = options.code_fields;
  code_options.name_th_field = options.name_th_field;
  code_options.name_en_field = options.name_en_field;
  code_options.override_origin = options.override_origin;
  if (auto assigned = assign_codes(result, code_options); !assigned)
    return std::unexpected(assigned.error());

  // Repaired features are reported by code as well as feature id.
  for (RepairedGeometry& r : result.report.repaired) {
    const auto it = std::find_if(result.features.begin(), result.features.end(),
                                 [&](const BoundaryFeature& f) { return f.fid == r.fid; });
    if (it != result.features.end()) r.code = it->code;
  }
  if (!options.keep_attributes) {
    for (BoundaryFeature& f : result.features) f.attributes = {};
  }
  clock.mark("codes");
  result.report.phase_ms = std::move(phases);
  return result;
}

Result<std::vector<std::string>> list_layers(const std::string& path) {
  auto req = gdal::prepare_open(path);
  if (!req) return std::unexpected(req.error());
  auto ds = gdal::open_dataset(*req, path);
  if (!ds) return std::unexpected(ds.error());
  std::vector<std::string> names;
  for (int i = 0; i < (*ds)->GetLayerCount(); ++i)
    names.emplace_back((*ds)->GetLayer(i)->GetName());
  return names;
}

}  // namespace chipao

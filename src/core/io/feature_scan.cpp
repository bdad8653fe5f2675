#include "core/io/feature_scan.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>
#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "core/geo/crs.h"
#include "core/geo/geos_repair.h"
#include "core/geo/quick_validity.h"
#include "core/io/ogr_geometry.h"

namespace chipao::gdal {

namespace {

// Thailand with a margin: the area PROJ uses to choose among a datum's transformations.
Bbox thailand_area() {
  Bbox b;
  b.expand(Vec2{96.0, 4.5});
  b.expand(Vec2{106.5, 21.0});
  return b;
}

struct RangeResult {
  std::vector<ScannedFeature> features;
  EncodingDetector text;
  std::string error;
};

// Numbers are formatted with fmt's shortest round-trip form: the same digits a user typed,
// several times faster than OGR's printf-based GetFieldAsString.
std::string field_text(const OGRFeature& f, int k, OGRFieldType type) {
  switch (type) {
    case OFTInteger:
    case OFTInteger64:
      return fmt::format("{}", f.GetFieldAsInteger64(k));
    case OFTReal:
      return fmt::format("{}", f.GetFieldAsDouble(k));
    default:
      return f.GetFieldAsString(k);
  }
}

RangeResult scan_range(const ScanRequest& req, std::int64_t begin, std::int64_t end,
                       std::atomic<std::int64_t>& done) {
  RangeResult result;
  ErrorCapture errors;
  auto opened = open_dataset(req.open, req.user_path);
  if (!opened) {
    result.error = opened.error().message;
    return result;
  }
  OGRLayer* layer = (*opened)->GetLayerByName(req.layer_name.c_str());
  if (layer == nullptr) {
    result.error = req.user_path + ": layer '" + req.layer_name + "' vanished while reading";
    return result;
  }
  std::optional<CrsTransform> transform;
  if (req.source_crs) {
    auto created = CrsTransform::create(*req.source_crs, thailand_area());
    if (!created) {
      result.error = req.user_path + ": " + created.error().message +
                     "; pass --crs with the layer's EPSG code";
      return result;
    }
    transform = std::move(*created);
  }
  GeosRepairer geos;
  QuickValidityScratch scratch;
  std::vector<OGRFieldType> types;
  for (int k = 0; k < req.field_count; ++k)
    types.push_back(layer->GetLayerDefn()->GetFieldDefn(k)->GetType());

  layer->ResetReading();
  if (begin > 0) layer->SetNextByIndex(begin);
  result.features.reserve(static_cast<std::size_t>(end - begin));
  for (std::int64_t i = begin; i < end; ++i) {
    std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
    if (!f) {
      const std::string why = errors.last();
      if (!why.empty()) {
        result.error = fmt::format(
            "{}: feature {} cannot be read ({}); the file is damaged — "
            "copy it again from its source",
            req.user_path, i, why);
        return result;
      }
      break;
    }
    ScannedFeature& out = result.features.emplace_back();
    out.fid = f->GetFID();
    if (req.keep_attributes) {
      out.raw_values.resize(static_cast<std::size_t>(req.field_count));
      for (int k = 0; k < req.field_count; ++k) {
        if (!f->IsFieldSetAndNotNull(k)) continue;
        std::string& value = out.raw_values[static_cast<std::size_t>(k)];
        value = field_text(*f, k, types[static_cast<std::size_t>(k)]);
        if (types[static_cast<std::size_t>(k)] == OFTString) result.text.feed(value);
      }
    }
    if (const OGRGeometry* g = f->GetGeometryRef()) append_ogr_geometry(*g, out.geometry);
    if (transform && !out.geometry.points.empty()) {
      out.transform_failed = !transform->transform(out.geometry.points);
      // PROJ leaves infinity where it failed; such points would make the layer's extent, its
      // areas and every zone drawn from it infinite. The feature keeps no geometry instead (the
      // reader warns and lists it with the empty ones).
      if (out.transform_failed) out.geometry = FeatureGeometry{};
    }
    if (out.geometry.kind == GeometryKind::polygon && !out.transform_failed) {
      if (!quick_valid_polygon(out.geometry, scratch)) {
        const GeosRepairer::Verdict verdict = geos.check(out.geometry);
        if (!verdict.valid) {
          out.invalid_reason = verdict.reason;
          if (req.repair_invalid) {
            if (auto fixed = geos.repair(out.geometry)) {
              out.geometry = std::move(*fixed);
              out.repaired = true;
            } else {
              out.geometry = FeatureGeometry{};
            }
          }
        }
      }
    }
    out.bbox = out.geometry.bounds();
    // Progress is counted in batches so the shared counter costs nothing measurable.
    if ((i - begin) % 256 == 255) {
      done.fetch_add(256, std::memory_order_relaxed);
      if (req.progress.cancelled()) {
        result.error = "cancelled";
        return result;
      }
    }
  }
  return result;
}

}  // namespace

Result<ScanResult> scan_features(const ScanRequest& req) {
  const std::int64_t n = req.feature_count;
  const int threads =
      static_cast<int>(std::max<std::int64_t>(1, std::min<std::int64_t>(req.threads, n / 500 + 1)));
  std::atomic<std::int64_t> done{0};
  std::vector<std::future<RangeResult>> parts;
  for (int t = 0; t < threads; ++t) {
    const std::int64_t begin = n * t / threads;
    const std::int64_t end = (t + 1 == threads) ? n : n * (t + 1) / threads;
    parts.push_back(std::async(std::launch::async, [&req, begin, end, &done] {
      return scan_range(req, begin, end, done);
    }));
  }
  // The calling thread owns the progress callback: it polls while the workers read.
  for (auto& part : parts) {
    while (part.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
      if (n > 0) req.progress.report(static_cast<double>(done.load()) / static_cast<double>(n));
    }
  }
  ScanResult all;
  all.features.reserve(static_cast<std::size_t>(n));
  std::string first_error;
  for (auto& part : parts) {
    RangeResult r = part.get();
    if (!r.error.empty() && first_error.empty()) first_error = r.error;
    all.text.merge(r.text);
    std::move(r.features.begin(), r.features.end(), std::back_inserter(all.features));
  }
  if (!first_error.empty()) return fail(first_error);
  req.progress.report(1.0);
  return all;
}

}  // namespace chipao::gdal

// Coordinate reference systems: naming the source CRS, guessing it when a .prj is missing,
// and transforming to the working CRS (WGS 84 longitude/latitude, EPSG:4326 in x=lon order).
//
// Datum shifts are PROJ's: Indian 1975 (EPSG:4240, UTM 47N/48N EPSG:24047/24048) to WGS 84
// moves points by several hundred metres, which planners see as boundaries off the satellite
// image when it is skipped.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/geo/geometry.h"
#include "core/util/result.h"

namespace chipao {

// One PROJ transformation from a source CRS to WGS 84 lon/lat. Not thread-safe: each thread
// makes its own with CrsTransform::create (PROJ contexts are per thread).
class CrsTransform {
 public:
  // `source` is anything PROJ reads: "EPSG:24047", WKT, PROJJSON. `area` (WGS 84 degrees, may
  // be empty) helps PROJ pick the right datum shift among several.
  static Result<CrsTransform> create(const std::string& source, const Bbox& area = {});
  CrsTransform(CrsTransform&&) noexcept;
  CrsTransform& operator=(CrsTransform&&) noexcept;
  ~CrsTransform();

  // Transforms in place; returns false if any point failed (outside the CRS's domain).
  bool transform(std::span<Vec2> points) const;
  // The operation PROJ chose, for messages ("Indian 1975 to WGS 84 (4) + UTM zone 47N").
  std::string description() const;

 private:
  struct State;
  explicit CrsTransform(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// True when coordinates in this CRS already are WGS 84 lon/lat (EPSG:4326, OGC:CRS84).
bool is_wgs84_lonlat(const std::string& authority_code);

struct CrsGuess {
  std::string crs;     // "EPSG:4326", "EPSG:32647", "EPSG:32648"
  std::string reason;  // why, for the warning
};

// Guesses a CRS from the raw coordinate range of a layer without .prj: degrees over
// Thailand, or UTM 47N / 48N eastings and northings that land in Thailand. `province_code`
// (optional) settles the band where both zones fit. Returns an error when nothing fits.
Result<CrsGuess> guess_crs_from_extent(const Bbox& raw_extent, const std::string& province_code);

}  // namespace chipao

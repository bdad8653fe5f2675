// A zone: an area a planner marks for action, either drawn as a polygon or painted from
// administrative units (tambons or villages). Plain data; edits (core/plan/edit.h) change it.
//
// Geometry is WGS 84 longitude/latitude in degrees. Unit codes are normalised digits (6 for
// tambons, 8 for villages). A unit belongs to at most one painted zone: painting it into one
// zone takes it out of any other (core/plan/edit.h records both in one edit).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/geo/geometry.h"

namespace chipao {

enum class ZoneKind : std::uint8_t {
  drawn,    // `polygon` holds the area
  painted,  // `unit_codes` holds the area
};

struct Zone {
  std::int64_t id = 0;    // unique within a project, > 0
  std::string name;       // UTF-8, may be Thai
  std::string color_hex;  // "#RRGGBB"
  bool locked = false;    // a locked zone refuses edits in the app
  ZoneKind kind = ZoneKind::drawn;
  FeatureGeometry polygon;              // WGS 84; drawn zones only
  std::vector<std::string> unit_codes;  // painted zones only, sorted
  std::string unit_level = "tambon";    // "tambon" or "village"
};

// Exact equality of two geometries (same kind, points and ring structure).
inline bool same_geometry(const FeatureGeometry& a, const FeatureGeometry& b) {
  return a.kind == b.kind && a.points == b.points && a.ring_ends == b.ring_ends &&
         a.polygon_ends == b.polygon_ends;
}

inline bool operator==(const Zone& a, const Zone& b) {
  return a.id == b.id && a.name == b.name && a.color_hex == b.color_hex && a.locked == b.locked &&
         a.kind == b.kind && same_geometry(a.polygon, b.polygon) && a.unit_codes == b.unit_codes &&
         a.unit_level == b.unit_level;
}

std::string_view zone_kind_key(ZoneKind kind);  // "drawn", "painted"

}  // namespace chipao

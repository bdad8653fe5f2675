// Plain 2D points in longitude/latitude degrees, treated as planar coordinates.
//
// The demo province is fictional; working in degrees keeps the output in EPSG:4326 without a
// projection step. Only exact IEEE operations (+ - * / sqrt floor) are used on coordinates so the
// output does not depend on the libm version.
#pragma once

#include <cmath>

namespace chipao::demogen {

struct Point {
  double x = 0.0;  // longitude, degrees east
  double y = 0.0;  // latitude, degrees north
};

inline Point operator+(Point a, Point b) {
  return {a.x + b.x, a.y + b.y};
}
inline Point operator-(Point a, Point b) {
  return {a.x - b.x, a.y - b.y};
}
inline Point operator*(Point a, double s) {
  return {a.x * s, a.y * s};
}
inline bool operator==(Point a, Point b) {
  return a.x == b.x && a.y == b.y;
}

inline double squared_distance(Point a, Point b) {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  return dx * dx + dy * dy;
}
inline double distance(Point a, Point b) {
  return std::sqrt(squared_distance(a, b));
}

// Lexicographic order (x, then y): picks a canonical end of an edge.
inline bool lexicographically_less(Point a, Point b) {
  return a.x < b.x || (a.x == b.x && a.y < b.y);
}

// A bearing clockwise from north as a monotonic "pseudo-angle" in [0, 4): the same order as the
// true angle, computed without trigonometry (see the note at the top of this file).
inline double clockwise_bearing(Point from, Point to) {
  const double east = to.x - from.x;
  const double north = to.y - from.y;
  if (east == 0.0 && north == 0.0) return 0.0;
  if (east >= 0.0 && north > 0.0) return east / (east + north);
  if (east > 0.0 && north <= 0.0) return 1.0 + (-north) / (east - north);
  if (east <= 0.0 && north < 0.0) return 2.0 + (-east) / (-east - north);
  return 3.0 + north / (-east + north);
}

// Snaps a coordinate to the 1e-7 degree grid the output files use (about 1 cm).
inline double snap_to_grid(double v) {
  return std::round(v * 1e7) / 1e7;
}
inline Point snap_to_grid(Point p) {
  return {snap_to_grid(p.x), snap_to_grid(p.y)};
}

}  // namespace chipao::demogen

// Where the village seeds go and which of them fall inside the province.
//
// Seeds are blue noise (Poisson-disk, Bridson's method) over a domain larger than the province,
// so that the Voronoi cells of the seeds inside the province are bounded by other seeds and look
// like real village territories rather than a grid.
#pragma once

#include <cstdint>
#include <vector>

#include "planar.h"
#include "rng.h"

namespace chipao::demogen {

struct Box {
  Point min;
  Point max;
};

// The fictional province's placement: an irregular blob around 103.0 E, 16.0 N.
struct ProvinceFrame {
  Point centre{103.0, 16.0};
  double half_width_deg = 0.62;                  // about 1.2 degrees east-west
  double half_height_deg = 0.52;                 // about 1.0 degree north-south
  Box domain{{102.05, 15.25}, {103.95, 16.75}};  // where seeds are scattered
};

// Points at least min_distance apart, filling the box until no more fit (Bridson's method with
// rejection sampling of the annulus, so no trigonometry is involved).
std::vector<Point> scatter_blue_noise(const Box& box, double min_distance, Rng& rng);

// Whether a point lies inside the province's blob: an ellipse whose radius is modulated by
// low-frequency noise, which gives a coastline-like outline.
bool inside_province_mask(const ProvinceFrame& frame, Point p, std::uint64_t seed);

}  // namespace chipao::demogen

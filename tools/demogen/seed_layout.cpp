#include "seed_layout.h"

#include <cmath>

#include "value_noise.h"

namespace chipao::demogen {
namespace {

// A uniform grid over the box with cells small enough (r / sqrt 2) to hold at most one seed.
class SeedGrid {
 public:
  SeedGrid(const Box& box, double min_distance) : box_(box), cell_(min_distance / std::sqrt(2.0)) {
    columns_ = static_cast<int>(std::ceil((box.max.x - box.min.x) / cell_)) + 1;
    rows_ = static_cast<int>(std::ceil((box.max.y - box.min.y) / cell_)) + 1;
    slots_.assign(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_), -1);
  }

  int column(Point p) const { return static_cast<int>((p.x - box_.min.x) / cell_); }
  int row(Point p) const { return static_cast<int>((p.y - box_.min.y) / cell_); }

  bool has_neighbour_closer_than(Point p, double min_distance,
                                 const std::vector<Point>& seeds) const {
    const int c = column(p);
    const int r = row(p);
    const double limit = min_distance * min_distance;
    for (int dr = -2; dr <= 2; ++dr) {
      for (int dc = -2; dc <= 2; ++dc) {
        const int cc = c + dc;
        const int rr = r + dr;
        if (cc < 0 || rr < 0 || cc >= columns_ || rr >= rows_) continue;
        const int index = slots_[slot(cc, rr)];
        if (index >= 0 && squared_distance(seeds[static_cast<std::size_t>(index)], p) < limit) {
          return true;
        }
      }
    }
    return false;
  }

  void insert(Point p, int index) { slots_[slot(column(p), row(p))] = index; }

 private:
  std::size_t slot(int c, int r) const {
    return static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) +
           static_cast<std::size_t>(c);
  }

  Box box_;
  double cell_;
  int columns_ = 0;
  int rows_ = 0;
  std::vector<int> slots_;
};

bool inside_box(const Box& box, Point p) {
  return p.x >= box.min.x && p.x < box.max.x && p.y >= box.min.y && p.y < box.max.y;
}

}  // namespace

std::vector<Point> scatter_blue_noise(const Box& box, double min_distance, Rng& rng) {
  constexpr int kCandidatesPerSeed = 30;
  SeedGrid grid(box, min_distance);
  std::vector<Point> seeds;
  std::vector<int> active;

  const Point first{(box.min.x + box.max.x) / 2.0, (box.min.y + box.max.y) / 2.0};
  seeds.push_back(first);
  grid.insert(first, 0);
  active.push_back(0);

  const double inner = min_distance * min_distance;
  const double outer = 4.0 * inner;
  while (!active.empty()) {
    const int slot = rng.int_in(0, static_cast<int>(active.size()) - 1);
    const Point around = seeds[static_cast<std::size_t>(active[static_cast<std::size_t>(slot)])];
    bool placed = false;
    for (int attempt = 0; attempt < kCandidatesPerSeed; ++attempt) {
      // A uniform point of the annulus [r, 2r] by rejection from its bounding square.
      Point offset;
      double d2 = 0.0;
      do {
        offset = {rng.uniform(-2.0, 2.0) * min_distance, rng.uniform(-2.0, 2.0) * min_distance};
        d2 = offset.x * offset.x + offset.y * offset.y;
      } while (d2 < inner || d2 > outer);
      const Point candidate = around + offset;
      if (!inside_box(box, candidate)) continue;
      if (grid.has_neighbour_closer_than(candidate, min_distance, seeds)) continue;
      const int index = static_cast<int>(seeds.size());
      seeds.push_back(candidate);
      grid.insert(candidate, index);
      active.push_back(index);
      placed = true;
      break;
    }
    if (!placed) {
      active[static_cast<std::size_t>(slot)] = active.back();
      active.pop_back();
    }
  }
  return seeds;
}

bool inside_province_mask(const ProvinceFrame& frame, Point p, std::uint64_t seed) {
  const double u = (p.x - frame.centre.x) / frame.half_width_deg;
  const double v = (p.y - frame.centre.y) / frame.half_height_deg;
  const double radius = std::sqrt(u * u + v * v);
  if (radius == 0.0) return true;
  // Lobes and bays: noise sampled along the direction (a point of the unit circle scaled to 1.6
  // lattice cells), so the outline bulges at a few bearings without favouring the axes. Then
  // smaller headlands from noise over the plane.
  const Point direction{1.6 * u / radius, 1.6 * v / radius};
  const double outline = 1.0 + 0.28 * value_noise(direction.x, direction.y, seed) +
                         0.08 * value_noise_at(p, 0.10, mix_seed(seed, 1));
  return radius < outline;
}

}  // namespace chipao::demogen

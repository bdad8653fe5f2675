#include "province_map.h"

#include <algorithm>
#include <stdexcept>

#include "region_growing.h"
#include "rng.h"
#include "value_noise.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

// Seed spacing chosen so that about 700 village cells fall inside the province blob (a village
// territory of about 15 km2).
constexpr double kSeedSpacingDeg = 0.029;
// Voronoi edges shorter than this (about 30 m) are collapsed.
constexpr double kCollapseLengthDeg = 2.5e-4;
constexpr int kTambonCount = 80;
constexpr int kAmphoeCount = 8;

// The warp that makes straight Voronoi edges wander like streams and field boundaries. The sum
// of amplitude/feature ratios keeps its Lipschitz bound below 1 (checked below).
SmoothWarp boundary_warp(std::uint64_t seed) {
  return SmoothWarp({{0.0040, 0.12}, {0.0015, 0.035}, {0.0005, 0.011}}, seed);
}

std::vector<bool> select_province_cells(const ProvinceFrame& frame, const CellMesh& mesh,
                                        std::uint64_t mask_seed) {
  std::vector<bool> inside(mesh.cell_count(), false);
  for (std::size_t c = 0; c < mesh.cell_count(); ++c) {
    inside[c] = !mesh.on_outer_boundary[c] && inside_province_mask(frame, mesh.sites[c], mask_seed);
  }
  // One piece without holes: islands of the mask are dropped, lakes of it filled.
  inside = largest_component(mesh.neighbours, inside);
  fill_enclosed(mesh.neighbours, mesh.on_outer_boundary, inside);
  for (std::size_t c = 0; c < mesh.cell_count(); ++c) {
    if (inside[c] && mesh.on_outer_boundary[c]) {
      throw std::runtime_error("the province reaches the edge of the seed domain");
    }
  }
  return inside;
}

// Tambon regions of tambon cells as a graph: regions are adjacent when two of their cells are.
Adjacency region_adjacency(const CellMesh& mesh, const std::vector<int>& region_of_cell,
                           int region_count) {
  Adjacency adjacency(at(region_count));
  for (std::size_t c = 0; c < mesh.cell_count(); ++c) {
    const int r = region_of_cell[c];
    if (r < 0) continue;
    for (const int n : mesh.neighbours[c]) {
      const int other = region_of_cell[at(n)];
      if (other >= 0 && other != r) adjacency[at(r)].push_back(other);
    }
  }
  for (std::vector<int>& list : adjacency) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return adjacency;
}

}  // namespace

ProvinceMap build_province_map(const GeosContext& geos, std::uint64_t master_seed) {
  ProvinceMap map;
  Rng seed_rng(stream_seed(master_seed, "village seeds"));
  const std::vector<Point> sites = scatter_blue_noise(map.frame.domain, kSeedSpacingDeg, seed_rng);
  map.mesh = build_voronoi_mesh(geos, sites, kCollapseLengthDeg);
  const CellMesh& mesh = map.mesh;

  const std::vector<bool> inside =
      select_province_cells(map.frame, mesh, stream_seed(master_seed, "province mask"));
  std::vector<int> inside_cells;
  for (std::size_t c = 0; c < mesh.cell_count(); ++c) {
    if (inside[c]) inside_cells.push_back(static_cast<int>(c));
  }

  const std::vector<int> tambon_centres =
      spread_centres(mesh.sites, inside_cells, kTambonCount, map.frame.centre);
  const std::vector<int> tambon_of_cell =
      grow_regions(mesh.neighbours, mesh.sites, inside, tambon_centres, 0.08,
                   stream_seed(master_seed, "tambon borders"));
  const int tambon_count = static_cast<int>(tambon_centres.size());

  std::vector<Point> tambon_positions(at(tambon_count));
  std::vector<int> tambon_sizes(at(tambon_count), 0);
  for (const int c : inside_cells) {
    const int t = tambon_of_cell[at(c)];
    tambon_positions[at(t)] = tambon_positions[at(t)] + mesh.sites[at(c)];
    ++tambon_sizes[at(t)];
  }
  std::vector<int> all_tambons;
  for (int t = 0; t < tambon_count; ++t) {
    tambon_positions[at(t)] = tambon_positions[at(t)] * (1.0 / tambon_sizes[at(t)]);
    all_tambons.push_back(t);
  }
  const Adjacency tambon_graph = region_adjacency(mesh, tambon_of_cell, tambon_count);
  const std::vector<int> amphoe_centres =
      spread_centres(tambon_positions, all_tambons, kAmphoeCount, map.frame.centre);
  const std::vector<int> amphoe_of_tambon =
      grow_regions(tambon_graph, tambon_positions, std::vector<bool>(at(tambon_count), true),
                   amphoe_centres, 0.25, stream_seed(master_seed, "amphoe borders"));

  map.tree = build_admin_tree(mesh, tambon_of_cell, amphoe_of_tambon, map.frame.centre,
                              stream_seed(master_seed, "names"));

  const SmoothWarp warp = boundary_warp(stream_seed(master_seed, "boundary warp"));
  if (warp.lipschitz_bound() >= 1.0) {
    throw std::runtime_error("the boundary warp could fold polygons (Lipschitz bound >= 1)");
  }
  BorderStyle style;  // the defaults: a vertex every ~150 m, a quarter of edges straight
  style.seed = stream_seed(master_seed, "meanders");
  map.polygons = build_admin_polygons(geos, mesh, map.tree, warp, style);
  return map;
}

}  // namespace chipao::demogen

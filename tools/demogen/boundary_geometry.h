// Polygons for every level of the demo province, with borders that match exactly.
//
// Each village polygon is its Voronoi cell with every edge densified (and most edges bent
// sideways by a tapered 1D noise), every vertex then moved by one smooth warp and snapped to the
// 1e-7 degree grid. The interior points of an edge are computed once per undirected edge, from
// its lexicographically smaller end, so both neighbours hold identical vertices; tambons,
// amphoe and the province are unions of these villages, so they reuse the same vertices.
#pragma once

#include <cstdint>
#include <vector>

#include "admin_tree.h"
#include "cell_mesh.h"
#include "geos_handles.h"
#include "value_noise.h"

namespace chipao::demogen {

struct AdminPolygons {
  std::vector<GeomPtr> villages;        // by AdminTree::villages
  std::vector<GeomPtr> village_points;  // a point inside each village, by AdminTree::villages
  std::vector<GeomPtr> tambons;         // by AdminTree::tambons
  std::vector<GeomPtr> amphoes;         // by AdminTree::amphoes
  GeomPtr province;
};

// How edges between villages are drawn. Most meander like streams and field boundaries; some
// stay straight like roads.
struct BorderStyle {
  double densify_step_deg = 0.0015;  // distance between boundary vertices
  double straight_share = 0.25;      // share of edges left straight
  double meander_ratio = 0.10;       // largest sideways offset as a share of the edge length
  double meander_max_deg = 0.0025;   // and in absolute terms
  double meander_wavelength_deg = 0.008;
  std::uint64_t seed = 0;
};

// Builds and checks all polygons; throws when one is invalid, a tambon or amphoe is not in one
// piece, or a union produced a vertex that no village has (which would break shared borders).
AdminPolygons build_admin_polygons(const GeosContext& geos, const CellMesh& mesh,
                                   const AdminTree& tree, const SmoothWarp& warp,
                                   const BorderStyle& style);

}  // namespace chipao::demogen

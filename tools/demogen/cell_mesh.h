// The Voronoi diagram of the village seeds as a mesh with shared vertices.
//
// GEOS computes the diagram once; this turns its cell polygons into rings of vertex ids, merging
// coordinates that GEOS computed separately for neighbouring cells, so that an edge between two
// cells is one pair of ids. Everything later (densifying, warping, unions) works on these ids,
// which is what makes neighbouring boundaries match exactly.
#pragma once

#include <utility>
#include <vector>

#include "geos_handles.h"
#include "planar.h"

namespace chipao::demogen {

struct CellMesh {
  std::vector<Point> sites;                  // the seed of each cell
  std::vector<Point> vertices;               // shared corner positions
  std::vector<std::vector<int>> rings;       // per cell: vertex ids, counter-clockwise, open
  std::vector<std::vector<int>> neighbours;  // per cell: cells sharing an edge, ascending
  std::vector<bool> on_outer_boundary;       // cell touches the diagram's clipping frame

  std::size_t cell_count() const { return sites.size(); }
};

// An undirected edge key: the smaller vertex id first.
using EdgeKey = std::pair<int, int>;
inline EdgeKey edge_key(int a, int b) {
  return a < b ? EdgeKey{a, b} : EdgeKey{b, a};
}

// Builds the mesh. Edges shorter than collapse_length_deg (near-degenerate Voronoi vertices
// where four seeds are almost cocircular) are collapsed so no boundary has a sliver edge.
CellMesh build_voronoi_mesh(const GeosContext& geos, const std::vector<Point>& sites,
                            double collapse_length_deg);

}  // namespace chipao::demogen

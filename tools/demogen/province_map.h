// The whole geographic side of the demo: seeds, cells, grouping into tambons and amphoe, names
// and polygons.
#pragma once

#include <cstdint>

#include "admin_tree.h"
#include "boundary_geometry.h"
#include "cell_mesh.h"
#include "seed_layout.h"

namespace chipao::demogen {

struct ProvinceMap {
  ProvinceFrame frame;
  CellMesh mesh;
  AdminTree tree;
  AdminPolygons polygons;
};

ProvinceMap build_province_map(const GeosContext& geos, std::uint64_t master_seed);

}  // namespace chipao::demogen

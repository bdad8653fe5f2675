// The boundary layers of the demo province as files: province/amphoe/tambon shapefiles with
// chingchai-style fields, village.shp and village_point.geojson with DOPA-style fields.
#pragma once

#include <filesystem>

#include "admin_tree.h"
#include "boundary_geometry.h"

namespace chipao::demogen {

void write_boundary_files(const GeosContext& geos, const AdminTree& tree,
                          const AdminPolygons& polygons, const std::filesystem::path& out_dir);

}  // namespace chipao::demogen

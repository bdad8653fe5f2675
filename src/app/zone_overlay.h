// Draws the zones of the open project over the map: painted units filled translucent in their
// zone's colour with the zone's outline colour, drawn zones filled and outlined, the active
// zone stronger, and what the zone tool is doing (the ring being drawn with its vertices and
// the rubber band to the pointer, the snap indicator, the brush stroke's units, the lasso, a
// polygon being edited).
//
// Drawn through ImGui's background draw list (screen pixels, below every panel), which the
// app's OpenGL 3 backend renders after the map; no extra GL state or shader. Polygons are
// triangulated once per unit (core/geo/triangulate.h) and projected per frame.
//
// Precondition: inside an ImGui frame; the camera is the map's.
#pragma once

#include <cstdint>
#include <vector>

#include "app/project_session.h"
#include "app/zone_tool.h"
#include "render/camera.h"

namespace chipao::app {

class ZoneOverlay {
 public:
  void draw(const render::Camera2D& camera, const ProjectSession& session, const ZoneTool& tool);

 private:
  const std::vector<std::uint32_t>& unit_triangles(const UnitLayerData& units, std::size_t unit);

  const UnitLayerData* cached_for_ = nullptr;
  std::vector<std::vector<std::uint32_t>> triangles_;
  std::vector<bool> triangulated_;
};

// "#RRGGBB" to red, green, blue (0..255); grey for anything else.
void parse_hex_color(const std::string& hex, int& red, int& green, int& blue);

}  // namespace chipao::app

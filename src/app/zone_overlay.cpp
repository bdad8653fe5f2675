#include "app/zone_overlay.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/geo/triangulate.h"

namespace chipao::app {

namespace {

ImU32 zone_color(const std::string& hex, int alpha) {
  int r = 0, g = 0, b = 0;
  parse_hex_color(hex, r, g, b);
  return IM_COL32(r, g, b, alpha);
}

// Framebuffer pixels (the camera's) to ImGui's coordinates (they differ on HiDPI screens).
struct ToScreen {
  const render::Camera2D& camera;
  ImVec2 scale;
  ImVec2 operator()(Vec2 world) const {
    const Vec2 s = camera.world_to_screen(world);
    return {static_cast<float>(s.x) / scale.x, static_cast<float>(s.y) / scale.y};
  }
};

// Triangles (indices into g.points) as one batch of the draw list, in one colour.
void fill_triangles(ImDrawList* list, const FeatureGeometry& g,
                    const std::vector<std::uint32_t>& triangles, const ToScreen& to_screen,
                    ImU32 color) {
  if (triangles.empty()) return;
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  // Per triangle vertices keep each reservation small (16-bit indices) and the code simple.
  constexpr std::size_t kBatch = 3 * 4096;
  for (std::size_t start = 0; start < triangles.size(); start += kBatch) {
    const std::size_t count = std::min(kBatch, triangles.size() - start);
    list->PrimReserve(static_cast<int>(count), static_cast<int>(count));
    for (std::size_t i = 0; i < count; ++i) {
      const ImDrawIdx base = static_cast<ImDrawIdx>(list->_VtxCurrentIdx);
      list->PrimWriteVtx(to_screen(g.points[triangles[start + i]]), uv, color);
      list->PrimWriteIdx(base);
    }
  }
}

void outline(ImDrawList* list, const FeatureGeometry& g, const ToScreen& to_screen, ImU32 color,
             float width) {
  std::vector<ImVec2> ring;
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    ring.clear();
    for (const Vec2& p : g.ring(r)) ring.push_back(to_screen(p));
    if (ring.size() >= 2)
      list->AddPolyline(ring.data(), static_cast<int>(ring.size()), color, ImDrawFlags_None, width);
  }
}

}  // namespace

void parse_hex_color(const std::string& hex, int& red, int& green, int& blue) {
  red = green = blue = 128;
  if (hex.size() != 7 || hex[0] != '#') return;
  unsigned r = 0, g = 0, b = 0;
  if (std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b) != 3) return;
  red = static_cast<int>(r);
  green = static_cast<int>(g);
  blue = static_cast<int>(b);
}

const std::vector<std::uint32_t>& ZoneOverlay::unit_triangles(const UnitLayerData& units,
                                                              std::size_t unit) {
  if (cached_for_ != &units) {
    cached_for_ = &units;
    triangles_.assign(units.layer.features.size(), {});
    triangulated_.assign(units.layer.features.size(), false);
  }
  if (!triangulated_[unit]) {
    triangles_[unit] = triangulate(units.layer.features[unit].geometry);
    triangulated_[unit] = true;
  }
  return triangles_[unit];
}

void ZoneOverlay::draw(const render::Camera2D& camera, const ProjectSession& session,
                       const ZoneTool& tool) {
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const ToScreen to_screen{camera,
                           {std::max(io.DisplayFramebufferScale.x, 0.01f),
                            std::max(io.DisplayFramebufferScale.y, 0.01f)}};
  const UnitLayerData* units = session.units();
  const std::int64_t active = session.active_zone();

  for (const Zone& zone : session.state().zones) {
    const bool is_active = zone.id == active;
    const ImU32 fill = zone_color(zone.color_hex, is_active ? 110 : 70);
    const ImU32 line = zone_color(zone.color_hex, 255);
    const float width = is_active ? 3.0f : 2.0f;
    if (zone.kind == ZoneKind::painted && units) {
      for (const std::string& code : zone.unit_codes) {
        const auto unit = units->index.find(code);
        if (!unit) continue;
        const FeatureGeometry& g = units->layer.features[*unit].geometry;
        fill_triangles(list, g, unit_triangles(*units, *unit), to_screen, fill);
        outline(list, g, to_screen, line, width);
      }
    } else if (zone.kind == ZoneKind::drawn && !zone.polygon.empty()) {
      // A polygon being edited is drawn where the pointer has it, not where it was.
      const bool edited = tool.edited_polygon() && tool.edited_zone() == zone.id;
      const FeatureGeometry& g = edited ? *tool.edited_polygon() : zone.polygon;
      fill_triangles(list, g, triangulate(g), to_screen, fill);
      outline(list, g, to_screen, line, width);
      if (is_active && tool.mode() == ToolMode::draw)
        for (const Vec2& p : g.points)
          list->AddCircleFilled(to_screen(p), 4.0f, IM_COL32(255, 255, 255, 255));
    }
  }

  // The stroke in progress: the units it would paint, in the active zone's colour.
  if (units && !tool.stroke_codes().empty()) {
    const Zone* zone = session.state().zone(active);
    const ImU32 color = zone ? zone_color(zone->color_hex, 150) : IM_COL32(230, 85, 13, 150);
    for (const std::string& code : tool.stroke_codes())
      if (const auto unit = units->index.find(code))
        fill_triangles(list, units->layer.features[*unit].geometry, unit_triangles(*units, *unit),
                       to_screen, color);
  }
  if (tool.lasso().size() >= 2) {
    std::vector<ImVec2> path;
    for (const Vec2& p : tool.lasso()) path.push_back(to_screen(p));
    list->AddPolyline(path.data(), static_cast<int>(path.size()), IM_COL32(20, 20, 20, 230),
                      ImDrawFlags_Closed, 1.5f);
  }

  // The ring being drawn, its vertices and the rubber band to the pointer.
  const ImU32 ink = IM_COL32(200, 30, 30, 255);
  if (!tool.drawing().empty()) {
    std::vector<ImVec2> path;
    for (const Vec2& p : tool.drawing()) path.push_back(to_screen(p));
    if (tool.cursor()) path.push_back(to_screen(*tool.cursor()));
    list->AddPolyline(path.data(), static_cast<int>(path.size()), ink, ImDrawFlags_None, 2.0f);
    for (std::size_t i = 0; i < tool.drawing().size(); ++i) {
      const ImVec2 at = to_screen(tool.drawing()[i]);
      list->AddCircleFilled(at, i == 0 ? 6.0f : 4.0f, IM_COL32(255, 255, 255, 255));
      list->AddCircle(at, i == 0 ? 6.0f : 4.0f, ink, 0, 2.0f);
    }
  }
  if (tool.mode() == ToolMode::draw && tool.cursor() && tool.cursor_snapped()) {
    const ImVec2 at = to_screen(*tool.cursor());
    list->AddCircle(at, static_cast<float>(tool.snap_pixels()), IM_COL32(0, 120, 255, 255), 0,
                    2.0f);
    list->AddCircleFilled(at, 3.0f, IM_COL32(0, 120, 255, 255));
  }
}

}  // namespace chipao::app

// The zone tool: what the mouse does to zones on the map, as plain logic that turns pointer
// events into core edits (core/plan/edit.h). No GL, GLFW or ImGui here, so the tool is tested
// without a window (tests/gui/zone_tool_test.cpp); the app feeds it events and applies the
// edits it returns through the project (app/project_session.h), and the overlay
// (app/zone_overlay.h) draws what it is doing.
//
// Drawing (ToolMode::draw):
//   - click adds a vertex; clicking the first vertex again (within the snap radius) or
//     finish() (Enter) closes the ring and creates a drawn zone;
//   - with the active zone drawn and nothing being drawn: drag a vertex to move it,
//     right-click a vertex to delete it, Ctrl-drag inside the zone to move the whole zone;
//   - every vertex snaps to the nearest tambon/village boundary vertex within the snap radius
//     (screen pixels).
// Painting (ToolMode::paint):
//   - click paints the unit under the cursor into the active zone; dragging paints every unit
//     the cursor passes (a brush); Shift-drag draws a lasso and paints the units whose label
//     point lies inside it; without an active zone a new painted zone is created;
//   - painting takes units out of any other zone (the core edit records both).
// Locked zones refuse every edit with a message naming the zone.
//
// Coordinates: world positions are WGS 84 lon/lat degrees; the camera converts to screen
// pixels for snap and pick radii. A stroke (brush or lasso) becomes one edit on release, so
// one undo reverts one stroke; while it lasts, stroke_codes() names the units it would paint
// so the tally can run live.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/layer/boundary_layer.h"
#include "core/plan/edit.h"
#include "core/plan/tally.h"
#include "render/camera.h"

namespace chipao::app {

// The unit layer as the tool sees it: which unit is under a point, which units' label points
// lie in a ring, and boundary vertices to snap to. Holds references: the layer and the index
// must outlive it.
class ToolUnits {
 public:
  ToolUnits(const BoundaryLayer& layer, const TallyIndex& index);

  std::optional<std::size_t> unit_at(Vec2 lon_lat) const;
  // Codes of the units whose label point lies inside the closed ring (lon/lat), sorted.
  std::vector<std::string> codes_with_label_in(std::span<const Vec2> ring) const;
  // The boundary vertex nearest to `lon_lat` within `radius_px` on screen.
  std::optional<Vec2> nearest_vertex(Vec2 lon_lat, const render::Camera2D& camera,
                                     double radius_px) const;
  const std::string& code(std::size_t unit) const { return layer_.features[unit].code; }
  const std::string& level() const { return level_; }  // "tambon" or "village"
  std::size_t vertex_count() const { return vertices_.size(); }

 private:
  const BoundaryLayer& layer_;
  const TallyIndex& index_;
  std::string level_;
  // Distinct boundary vertices, bucketed in a world-space grid (cells of cell_deg_ degrees,
  // sorted by cell key) so a snap query looks at a few cells only.
  std::vector<Vec2> vertices_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> cells_;
  double cell_deg_ = 0.01;
  Vec2 origin_;
};

enum class ToolMode : std::uint8_t { none, draw, paint };

struct ToolInput {
  Vec2 screen;  // pixels, top-left origin
  bool shift = false;
  bool ctrl = false;
};

struct ToolContext {
  const PlanningState& state;
  std::int64_t active_zone = 0;  // 0: none
  const render::Camera2D& camera;
  const ToolUnits* units = nullptr;  // null until the unit layer has loaded
};

struct ToolResult {
  std::optional<Edit> edit;         // apply it through the project
  bool activates_new_zone = false;  // the edit creates a zone that should become active
  std::string message;  // why nothing happened (a locked zone, a unit outside the layer)
};

class ZoneTool {
 public:
  void set_mode(ToolMode mode);
  ToolMode mode() const { return mode_; }
  void set_snap_pixels(double px) { snap_px_ = px; }
  double snap_pixels() const { return snap_px_; }

  ToolResult press(const ToolInput& in, const ToolContext& ctx);
  // The pointer moved; `button_down` tells a drag from a hover.
  ToolResult move(const ToolInput& in, const ToolContext& ctx, bool button_down);
  ToolResult release(const ToolInput& in, const ToolContext& ctx);
  ToolResult right_click(const ToolInput& in, const ToolContext& ctx);
  ToolResult finish(const ToolContext& ctx);  // Enter: close the ring being drawn
  void cancel();                              // Escape: drop what is in progress

  // What is in progress, for the overlay and the live tally.
  const std::vector<Vec2>& drawing() const { return drawing_; }  // vertices placed, open
  std::optional<Vec2> cursor() const { return cursor_; }         // snapped pointer, world
  bool cursor_snapped() const { return cursor_snapped_; }
  // The active drawn zone's polygon as a vertex drag or a move has it now.
  const std::optional<FeatureGeometry>& edited_polygon() const { return edited_; }
  std::int64_t edited_zone() const { return edited_zone_; }
  const std::vector<std::string>& stroke_codes() const { return stroke_; }  // sorted
  const std::vector<Vec2>& lasso() const { return lasso_; }
  // Bumped whenever something a tally depends on changes (stroke, edited polygon).
  int revision() const { return revision_; }
  bool busy() const;  // a drawing, drag or stroke is in progress

 private:
  enum class Drag : std::uint8_t { none, vertex, zone, brush, lasso };
  Vec2 snapped_world(const ToolInput& in, const ToolContext& ctx);
  ToolResult close_ring(const ToolContext& ctx);
  ToolResult paint_stroke(const ToolContext& ctx);
  void brush_at(Vec2 world, const ToolContext& ctx);
  void set_stroke(std::vector<std::string> codes);

  ToolMode mode_ = ToolMode::none;
  double snap_px_ = 10.0;
  std::vector<Vec2> drawing_;
  std::optional<Vec2> cursor_;
  bool cursor_snapped_ = false;
  Drag drag_ = Drag::none;
  std::optional<FeatureGeometry> edited_;
  std::int64_t edited_zone_ = 0;
  std::size_t drag_vertex_ = 0;
  Vec2 drag_start_;
  FeatureGeometry drag_original_;
  std::vector<std::string> stroke_;
  std::vector<Vec2> lasso_;
  int revision_ = 0;
};

// Geometry helpers the tool is made of, public for tests.
// A one-ring polygon from open vertices (the ring is closed here).
FeatureGeometry ring_polygon(std::span<const Vec2> open_vertices);
// The index of the vertex nearest to `screen` within `radius_px`; closing points never count.
std::optional<std::size_t> nearest_polygon_vertex(const FeatureGeometry& polygon, Vec2 screen,
                                                  const render::Camera2D& camera, double radius_px);
// Moves vertex `index` (and the ring's closing point with the first one).
void move_polygon_vertex(FeatureGeometry& polygon, std::size_t index, Vec2 to);
// The polygon without vertex `index`; nullopt when its ring would keep fewer than 3 vertices.
std::optional<FeatureGeometry> delete_polygon_vertex(const FeatureGeometry& polygon,
                                                     std::size_t index);
bool polygon_contains(const FeatureGeometry& polygon, Vec2 point);  // even-odd, holes count
// A default name for a new zone: "เขต <id>".
std::string default_zone_name(std::int64_t id);

}  // namespace chipao::app

#include "app/zone_tool.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "app/feature_pick.h"
#include "core/admin/admin_level.h"

namespace chipao::app {

namespace {

double screen_distance(Vec2 a, Vec2 b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

std::uint64_t cell_key(std::int64_t cx, std::int64_t cy) {
  // Offsets keep negative cells (points left of or below the origin) distinct.
  return (static_cast<std::uint64_t>(cx + (1 << 30)) << 32) |
         static_cast<std::uint64_t>(cy + (1 << 30));
}

// The ring (index into ring_ends) holding point `index`.
std::size_t ring_of(const FeatureGeometry& g, std::size_t index) {
  for (std::size_t r = 0; r < g.ring_count(); ++r)
    if (index < g.ring_ends[r]) return r;
  return g.ring_count();
}

bool ring_closed(const FeatureGeometry& g, std::size_t r) {
  const auto ring = g.ring(r);
  return ring.size() > 1 && ring.front() == ring.back();
}

ToolResult refuse(std::string message) {
  ToolResult r;
  r.message = std::move(message);
  return r;
}

ToolResult done(Edit edit, bool activates_new_zone = false) {
  ToolResult r;
  r.edit = std::move(edit);
  r.activates_new_zone = activates_new_zone;
  return r;
}

std::string locked_message(const Zone& z) {
  return fmt::format("zone {} '{}' is locked; unlock it in the zones panel to edit it", z.id,
                     z.name);
}

}  // namespace

// ---- ToolUnits -------------------------------------------------------------------------

ToolUnits::ToolUnits(const BoundaryLayer& layer, const TallyIndex& index)
    : layer_(layer), index_(index) {
  level_ = layer.source.level && *layer.source.level == AdminLevel::village ? "village" : "tambon";
  Bbox extent;
  for (const BoundaryFeature& f : layer.features) {
    if (f.geometry.kind != GeometryKind::polygon) continue;
    vertices_.insert(vertices_.end(), f.geometry.points.begin(), f.geometry.points.end());
  }
  // Neighbouring units share their boundary vertices: keep each once.
  std::sort(vertices_.begin(), vertices_.end(),
            [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  vertices_.erase(std::unique(vertices_.begin(), vertices_.end()), vertices_.end());
  for (const Vec2& v : vertices_) extent.expand(v);
  if (vertices_.empty()) return;
  origin_ = {extent.min_x, extent.min_y};
  // About four vertices per occupied cell on average over the extent.
  const double area =
      std::max(1e-12, (extent.max_x - extent.min_x) * (extent.max_y - extent.min_y));
  cell_deg_ = std::max(1e-6, std::sqrt(area * 4.0 / static_cast<double>(vertices_.size())));
  cells_.reserve(vertices_.size());
  for (std::uint32_t i = 0; i < vertices_.size(); ++i) {
    const auto cx = static_cast<std::int64_t>(std::floor((vertices_[i].x - origin_.x) / cell_deg_));
    const auto cy = static_cast<std::int64_t>(std::floor((vertices_[i].y - origin_.y) / cell_deg_));
    cells_.emplace_back(cell_key(cx, cy), i);
  }
  std::sort(cells_.begin(), cells_.end());
}

std::optional<std::size_t> ToolUnits::unit_at(Vec2 lon_lat) const {
  const Vec2 xy = equal_area_xy(lon_lat);
  std::optional<std::size_t> found;
  index_.grid().visit(Bbox{xy.x, xy.y, xy.x, xy.y}, [&](std::uint32_t unit) {
    if (unit < layer_.features.size() && feature_contains(layer_.features[unit], lon_lat) &&
        (!found || unit > *found))
      found = unit;  // the last one in layer order, as the map's own picking does
  });
  return found;
}

std::vector<std::string> ToolUnits::codes_with_label_in(std::span<const Vec2> ring) const {
  std::vector<Vec2> open(ring.begin(), ring.end());
  if (open.size() > 1 && open.front() == open.back()) open.pop_back();
  if (open.size() < 3) return {};
  const PreparedZone zone(ring_polygon(open));
  std::vector<std::string> codes;
  for (const UnitWeight& u : zone_units(index_, zone, TallyRule::centroid))
    codes.push_back(index_.units()[u.unit].code);
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::optional<Vec2> ToolUnits::nearest_vertex(Vec2 lon_lat, const render::Camera2D& camera,
                                              double radius_px) const {
  if (cells_.empty() || radius_px <= 0) return std::nullopt;
  const double ppd = camera.pixels_per_degree();
  const double cos_ref = std::cos(camera.reference_latitude() * std::numbers::pi / 180.0);
  const double ry = radius_px / ppd, rx = radius_px / (ppd * std::max(0.01, cos_ref));
  const auto c0 = static_cast<std::int64_t>(std::floor((lon_lat.x - rx - origin_.x) / cell_deg_));
  const auto c1 = static_cast<std::int64_t>(std::floor((lon_lat.x + rx - origin_.x) / cell_deg_));
  const auto r0 = static_cast<std::int64_t>(std::floor((lon_lat.y - ry - origin_.y) / cell_deg_));
  const auto r1 = static_cast<std::int64_t>(std::floor((lon_lat.y + ry - origin_.y) / cell_deg_));
  // Zoomed far out the radius spans thousands of cells and snapping means nothing on screen.
  if ((c1 - c0 + 1) * (r1 - r0 + 1) > 4096) return std::nullopt;
  const Vec2 at = camera.world_to_screen(lon_lat);
  std::optional<Vec2> best;
  double best_px = radius_px;
  for (std::int64_t cx = c0; cx <= c1; ++cx) {
    for (std::int64_t cy = r0; cy <= r1; ++cy) {
      const std::uint64_t key = cell_key(cx, cy);
      auto it = std::lower_bound(cells_.begin(), cells_.end(),
                                 std::pair<std::uint64_t, std::uint32_t>{key, 0});
      for (; it != cells_.end() && it->first == key; ++it) {
        const Vec2 v = vertices_[it->second];
        const double d = screen_distance(at, camera.world_to_screen(v));
        if (d <= best_px) {
          best_px = d;
          best = v;
        }
      }
    }
  }
  return best;
}

// ---- geometry helpers ------------------------------------------------------------------

FeatureGeometry ring_polygon(std::span<const Vec2> open_vertices) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  g.points.assign(open_vertices.begin(), open_vertices.end());
  if (!g.points.empty()) g.points.push_back(g.points.front());
  g.ring_ends = {static_cast<std::uint32_t>(g.points.size())};
  g.polygon_ends = {1};
  return g;
}

std::optional<std::size_t> nearest_polygon_vertex(const FeatureGeometry& polygon, Vec2 screen,
                                                  const render::Camera2D& camera,
                                                  double radius_px) {
  std::optional<std::size_t> best;
  double best_px = radius_px;
  for (std::size_t r = 0; r < polygon.ring_count(); ++r) {
    std::size_t end = polygon.ring_ends[r];
    if (ring_closed(polygon, r)) --end;  // the closing point is the first one again
    for (std::size_t i = polygon.ring_begin(r); i < end; ++i) {
      const double d = screen_distance(screen, camera.world_to_screen(polygon.points[i]));
      if (d <= best_px) {
        best_px = d;
        best = i;
      }
    }
  }
  return best;
}

void move_polygon_vertex(FeatureGeometry& polygon, std::size_t index, Vec2 to) {
  const std::size_t r = ring_of(polygon, index);
  if (r == polygon.ring_count()) return;
  const std::size_t begin = polygon.ring_begin(r), last = polygon.ring_ends[r] - 1;
  const bool closed = ring_closed(polygon, r);
  polygon.points[index] = to;
  if (closed && (index == begin || index == last)) {
    polygon.points[begin] = to;
    polygon.points[last] = to;
  }
}

std::optional<FeatureGeometry> delete_polygon_vertex(const FeatureGeometry& polygon,
                                                     std::size_t index) {
  const std::size_t r = ring_of(polygon, index);
  if (r == polygon.ring_count()) return std::nullopt;
  const bool closed = ring_closed(polygon, r);
  const std::size_t begin = polygon.ring_begin(r), end = polygon.ring_ends[r];
  const std::size_t distinct = end - begin - (closed ? 1 : 0);
  if (distinct <= 3) return std::nullopt;
  std::vector<Vec2> ring(polygon.points.begin() + static_cast<std::ptrdiff_t>(begin),
                         polygon.points.begin() + static_cast<std::ptrdiff_t>(end));
  if (closed) ring.pop_back();
  std::size_t local = index - begin;
  if (local >= ring.size()) local = 0;  // the closing point stands for the first
  ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(local));
  if (closed) ring.push_back(ring.front());

  FeatureGeometry out = polygon;
  out.points.erase(out.points.begin() + static_cast<std::ptrdiff_t>(begin),
                   out.points.begin() + static_cast<std::ptrdiff_t>(end));
  out.points.insert(out.points.begin() + static_cast<std::ptrdiff_t>(begin), ring.begin(),
                    ring.end());
  for (std::size_t k = r; k < out.ring_ends.size(); ++k) --out.ring_ends[k];
  return out;
}

bool polygon_contains(const FeatureGeometry& polygon, Vec2 p) {
  if (polygon.kind != GeometryKind::polygon) return false;
  bool inside = false;
  for (std::size_t r = 0; r < polygon.ring_count(); ++r) {
    const auto ring = polygon.ring(r);
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const Vec2 a = ring[i], b = ring[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
        inside = !inside;
    }
  }
  return inside;
}

std::string default_zone_name(std::int64_t id) {
  return fmt::format("เขต {}", id);
}

// ---- ZoneTool --------------------------------------------------------------------------

void ZoneTool::set_mode(ToolMode mode) {
  if (mode == mode_) return;
  cancel();
  mode_ = mode;
}

bool ZoneTool::busy() const {
  return !drawing_.empty() || drag_ != Drag::none;
}

void ZoneTool::cancel() {
  drawing_.clear();
  lasso_.clear();
  stroke_.clear();
  edited_.reset();
  edited_zone_ = 0;
  drag_ = Drag::none;
  ++revision_;
}

Vec2 ZoneTool::snapped_world(const ToolInput& in, const ToolContext& ctx) {
  const Vec2 world = ctx.camera.screen_to_world(in.screen);
  std::optional<Vec2> snap;
  if (ctx.units) snap = ctx.units->nearest_vertex(world, ctx.camera, snap_px_);
  cursor_snapped_ = snap.has_value();
  cursor_ = snap.value_or(world);
  return *cursor_;
}

ToolResult ZoneTool::press(const ToolInput& in, const ToolContext& ctx) {
  const Vec2 world = ctx.camera.screen_to_world(in.screen);
  const Zone* active = ctx.state.zone(ctx.active_zone);
  if (mode_ == ToolMode::draw) {
    if (drawing_.empty() && active && active->kind == ZoneKind::drawn && !active->polygon.empty()) {
      const auto vertex = nearest_polygon_vertex(active->polygon, in.screen, ctx.camera, snap_px_);
      const bool inside = in.ctrl && polygon_contains(active->polygon, world);
      if ((vertex || inside) && active->locked) return refuse(locked_message(*active));
      if (vertex) {
        drag_ = Drag::vertex;
        drag_vertex_ = *vertex;
      } else if (inside) {
        drag_ = Drag::zone;
        drag_start_ = world;
      }
      if (drag_ != Drag::none) {
        edited_ = active->polygon;
        edited_zone_ = active->id;
        drag_original_ = active->polygon;
        ++revision_;
        return {};
      }
    }
    if (drawing_.size() >= 3 &&
        screen_distance(in.screen, ctx.camera.world_to_screen(drawing_.front())) <= snap_px_)
      return close_ring(ctx);
    drawing_.push_back(snapped_world(in, ctx));
    ++revision_;
    return {};
  }
  if (mode_ == ToolMode::paint) {
    if (!ctx.units) return refuse("the unit layer is still loading; paint once it is shown");
    if (active && active->locked) return refuse(locked_message(*active));
    if (active && active->kind == ZoneKind::drawn && !active->polygon.empty())
      return refuse(
          fmt::format("zone {} '{}' is drawn; to paint, pick a painted zone or none (a new zone)",
                      active->id, active->name));
    stroke_.clear();
    if (in.shift) {
      drag_ = Drag::lasso;
      lasso_ = {world};
    } else {
      drag_ = Drag::brush;
      brush_at(world, ctx);
    }
    ++revision_;
  }
  return {};
}

ToolResult ZoneTool::move(const ToolInput& in, const ToolContext& ctx, bool button_down) {
  const Vec2 world = ctx.camera.screen_to_world(in.screen);
  if (mode_ == ToolMode::draw) {
    const Vec2 p = snapped_world(in, ctx);
    if (!button_down) return {};
    if (drag_ == Drag::vertex && edited_) {
      move_polygon_vertex(*edited_, drag_vertex_, p);
      ++revision_;
    } else if (drag_ == Drag::zone && edited_) {
      const Vec2 delta{world.x - drag_start_.x, world.y - drag_start_.y};
      *edited_ = drag_original_;
      for (Vec2& v : edited_->points) v = {v.x + delta.x, v.y + delta.y};
      ++revision_;
    }
    return {};
  }
  cursor_ = world;
  cursor_snapped_ = false;
  if (!button_down) return {};
  if (drag_ == Drag::brush) {
    brush_at(world, ctx);
  } else if (drag_ == Drag::lasso) {
    // Points closer than 2 px add nothing to the shape but cost every later test.
    if (lasso_.empty() ||
        screen_distance(in.screen, ctx.camera.world_to_screen(lasso_.back())) >= 2.0) {
      lasso_.push_back(world);
      if (ctx.units) set_stroke(ctx.units->codes_with_label_in(lasso_));
    }
  }
  return {};
}

ToolResult ZoneTool::release(const ToolInput& in, const ToolContext& ctx) {
  (void)in;
  if (drag_ == Drag::vertex || drag_ == Drag::zone) {
    drag_ = Drag::none;
    std::optional<FeatureGeometry> polygon = std::move(edited_);
    const std::int64_t zone = edited_zone_;
    edited_.reset();
    edited_zone_ = 0;
    ++revision_;
    if (!polygon || same_geometry(*polygon, drag_original_)) return {};
    auto edit = make_set_zone_polygon(ctx.state, zone, std::move(*polygon));
    if (!edit) return refuse(edit.error().message);
    return done(std::move(*edit));
  }
  if (drag_ == Drag::brush || drag_ == Drag::lasso) return paint_stroke(ctx);
  return {};
}

ToolResult ZoneTool::right_click(const ToolInput& in, const ToolContext& ctx) {
  const Zone* active = ctx.state.zone(ctx.active_zone);
  if (mode_ == ToolMode::draw) {
    if (!drawing_.empty()) {
      // The vertex under the pointer, else the last one placed.
      std::size_t remove = drawing_.size() - 1;
      double best = snap_px_;
      for (std::size_t i = 0; i < drawing_.size(); ++i) {
        const double d = screen_distance(in.screen, ctx.camera.world_to_screen(drawing_[i]));
        if (d <= best) {
          best = d;
          remove = i;
        }
      }
      drawing_.erase(drawing_.begin() + static_cast<std::ptrdiff_t>(remove));
      ++revision_;
      return {};
    }
    if (!active || active->kind != ZoneKind::drawn || active->polygon.empty()) return {};
    const auto vertex = nearest_polygon_vertex(active->polygon, in.screen, ctx.camera, snap_px_);
    if (!vertex) return {};
    if (active->locked) return refuse(locked_message(*active));
    auto polygon = delete_polygon_vertex(active->polygon, *vertex);
    if (!polygon)
      return refuse(fmt::format("zone {} '{}' needs at least 3 vertices; delete the zone instead",
                                active->id, active->name));
    auto edit = make_set_zone_polygon(ctx.state, active->id, std::move(*polygon));
    if (!edit) return refuse(edit.error().message);
    return done(std::move(*edit));
  }
  if (mode_ == ToolMode::paint && ctx.units && active) {
    // Right-click takes the unit under the pointer out of the active zone.
    const auto unit = ctx.units->unit_at(ctx.camera.screen_to_world(in.screen));
    if (!unit) return {};
    const std::string& code = ctx.units->code(*unit);
    if (!std::binary_search(active->unit_codes.begin(), active->unit_codes.end(), code)) return {};
    if (active->locked) return refuse(locked_message(*active));
    auto edit = make_erase_units(ctx.state, active->id, {code});
    if (!edit) return refuse(edit.error().message);
    return done(std::move(*edit));
  }
  return {};
}

ToolResult ZoneTool::finish(const ToolContext& ctx) {
  if (mode_ != ToolMode::draw || drawing_.empty()) return {};
  if (drawing_.size() < 3)
    return refuse("a zone needs at least 3 vertices; click more points on the map");
  return close_ring(ctx);
}

ToolResult ZoneTool::close_ring(const ToolContext& ctx) {
  Zone zone;
  zone.name = default_zone_name(ctx.state.next_zone_id());
  zone.kind = ZoneKind::drawn;
  zone.polygon = ring_polygon(drawing_);
  zone.unit_level = ctx.units ? ctx.units->level() : "tambon";
  drawing_.clear();
  ++revision_;
  auto edit = make_create_zone(ctx.state, std::move(zone));
  if (!edit) return refuse(edit.error().message);
  return done(std::move(*edit), true);
}

void ZoneTool::brush_at(Vec2 world, const ToolContext& ctx) {
  if (!ctx.units) return;
  const auto unit = ctx.units->unit_at(world);
  if (!unit) return;
  const std::string& code = ctx.units->code(*unit);
  if (code.empty()) return;
  const auto at = std::lower_bound(stroke_.begin(), stroke_.end(), code);
  if (at != stroke_.end() && *at == code) return;
  stroke_.insert(at, code);
  ++revision_;
}

void ZoneTool::set_stroke(std::vector<std::string> codes) {
  if (codes == stroke_) return;
  stroke_ = std::move(codes);
  ++revision_;
}

ToolResult ZoneTool::paint_stroke(const ToolContext& ctx) {
  drag_ = Drag::none;
  std::vector<std::string> codes = std::move(stroke_);
  stroke_.clear();
  lasso_.clear();
  ++revision_;
  if (codes.empty()) return {};
  const Zone* active = ctx.state.zone(ctx.active_zone);
  if (!active) {
    Zone zone;
    zone.name = default_zone_name(ctx.state.next_zone_id());
    zone.kind = ZoneKind::painted;
    zone.unit_codes = std::move(codes);
    zone.unit_level = ctx.units ? ctx.units->level() : "tambon";
    auto edit = make_create_zone(ctx.state, std::move(zone));
    if (!edit) return refuse(edit.error().message);
    return done(std::move(*edit), true);
  }
  // Units already in the zone add nothing; an edit that changes nothing is not recorded.
  std::erase_if(codes, [&](const std::string& c) {
    return std::binary_search(active->unit_codes.begin(), active->unit_codes.end(), c);
  });
  if (codes.empty()) return {};
  auto edit = make_paint_units(ctx.state, active->id, codes);
  if (!edit) return refuse(edit.error().message);
  return done(std::move(*edit));
}

}  // namespace chipao::app

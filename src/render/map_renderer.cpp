#include "render/map_renderer.h"

#include <algorithm>

namespace chipao::render {

namespace {

void set_transform(const ShaderProgram& program, const Camera2D& camera, Vec2 origin) {
  const ClipTransform transform = camera.clip_transform(origin);
  program.set("u_scale", transform.scale_x, transform.scale_y);
  program.set("u_offset", transform.offset_x, transform.offset_y);
}

// State every pass relies on, set once per draw because ImGui and others change it between.
void set_common_state(const Camera2D& camera) {
  glViewport(0, 0, camera.viewport_width(), camera.viewport_height());
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);  // fans come in both windings
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  // Colour blends by alpha; destination alpha accumulates so an opaque target stays opaque.
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glBlendEquation(GL_FUNC_ADD);
}

}  // namespace

Result<MapRenderer> MapRenderer::create() {
  auto fill = ShaderProgram::from_embedded("fill", "map.vert", "", "solid.frag");
  if (!fill) return std::unexpected(fill.error());
  auto line = ShaderProgram::from_embedded("line", "map.vert", "", "solid.frag");
  if (!line) return std::unexpected(line.error());
  auto wide_line =
      ShaderProgram::from_embedded("wide line", "map.vert", "wide_line.geom", "solid.frag");
  if (!wide_line) return std::unexpected(wide_line.error());
  auto point = ShaderProgram::from_embedded("point", "map.vert", "", "point.frag");
  if (!point) return std::unexpected(point.error());
  return MapRenderer(std::move(*fill), std::move(*line), std::move(*wide_line), std::move(*point));
}

void MapRenderer::clear(const Rgba& background) const {
  glStencilMask(0xFF);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glClearColor(background.r, background.g, background.b, background.a);
  glClearStencil(0);
  glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

DrawStats MapRenderer::draw(std::span<const LayerDrawItem> bottom_to_top,
                            const Camera2D& camera) const {
  DrawStats stats;
  set_common_state(camera);
  for (const LayerDrawItem& item : bottom_to_top) {
    if (item.layer == nullptr || !item.style.visible || !item.style.fill) continue;
    if (!item.layer->has_fill()) continue;
    draw_fill(*item.layer, *item.style.fill, camera);
    stats.fan_triangles += item.layer->fan_triangle_count();
  }
  for (const LayerDrawItem& item : bottom_to_top) {
    if (item.layer == nullptr || !item.style.visible || !item.layer->has_outlines()) continue;
    draw_outline(*item.layer, item.style, camera);
    stats.outline_segments += item.layer->outline_segment_count();
  }
  for (const LayerDrawItem& item : bottom_to_top) {
    if (item.layer == nullptr || !item.style.visible || !item.layer->has_points()) continue;
    draw_points(*item.layer, item.style, camera);
  }
  glUseProgram(0);
  return stats;
}

void MapRenderer::draw_fill(const LayerGpu& layer, const Rgba& color,
                            const Camera2D& camera) const {
  fill_.use();
  set_transform(fill_, camera, layer.origin());

  // Pass 1 (stencil): flip bit 0 for every fan triangle over a pixel; colour untouched.
  glEnable(GL_STENCIL_TEST);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glStencilMask(0x01);
  glStencilFunc(GL_ALWAYS, 0, 0x01);
  glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
  layer.draw_fans();

  // Pass 2 (cover): colour where the bit is set and clear it again in the same pass, so the
  // stencil is clean for the next layer without another glClear.
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glStencilFunc(GL_NOTEQUAL, 0, 0x01);
  glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
  fill_.set("u_color", color);
  layer.draw_cover();

  glDisable(GL_STENCIL_TEST);
  glStencilMask(0xFF);
}

void MapRenderer::draw_outline(const LayerGpu& layer, const LayerDrawStyle& style,
                               const Camera2D& camera) const {
  const bool wide = style.outline_width_px > 1.0f;
  const ShaderProgram& program = wide ? wide_line_ : line_;
  program.use();
  set_transform(program, camera, layer.origin());
  // Hairlines thinner than a pixel are drawn 1 px wide with proportionally less opacity, which
  // reads as thinner (e.g. village boundaries at 0.5 px under tambon boundaries at 1 px).
  Rgba color = style.outline;
  if (style.outline_width_px < 1.0f) color.a *= std::max(style.outline_width_px, 0.1f);
  program.set("u_color", color);
  if (wide) {
    program.set("u_viewport_px", static_cast<float>(camera.viewport_width()),
                static_cast<float>(camera.viewport_height()));
    program.set("u_width_px", style.outline_width_px);
  }
  layer.draw_outlines();
}

void MapRenderer::draw_points(const LayerGpu& layer, const LayerDrawStyle& style,
                              const Camera2D& camera) const {
  point_.use();
  set_transform(point_, camera, layer.origin());
  point_.set("u_point_size", style.point_size_px);
  point_.set("u_color", style.point_fill);
  point_.set("u_outline_color", style.point_outline);
  glEnable(GL_PROGRAM_POINT_SIZE);
  layer.draw_points();
  glDisable(GL_PROGRAM_POINT_SIZE);
}

}  // namespace chipao::render

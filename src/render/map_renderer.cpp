#include "render/map_renderer.h"

#include <algorithm>

namespace chipao::render {

namespace {

// Texture units of a layer's per-feature colour and flag textures.
constexpr GLuint kColorUnit = 0;
constexpr GLuint kFlagsUnit = 1;

void set_transform(const ShaderProgram& program, const Camera2D& camera, Vec2 origin) {
  const ClipTransform transform = camera.clip_transform(origin);
  program.set("u_scale", transform.scale_x, transform.scale_y);
  program.set("u_offset", transform.offset_x, transform.offset_y);
}

void set_int(const ShaderProgram& program, const char* uniform, GLint value) {
  glUniform1i(program.location(uniform), value);
}

// Per-feature textures for programs that start with feature.vert.
void bind_features(const ShaderProgram& program, const LayerGpu& layer, bool per_feature_colors) {
  layer.bind_feature_textures(kColorUnit, kFlagsUnit);
  set_int(program, "u_feature_colors", static_cast<GLint>(kColorUnit));
  set_int(program, "u_feature_flags", static_cast<GLint>(kFlagsUnit));
  set_int(program, "u_per_feature_colors", per_feature_colors ? 1 : 0);
}

// State every pass relies on, set once per draw because ImGui and others change it between.
void set_common_state(const Camera2D& camera) {
  glViewport(0, 0, camera.viewport_width(), camera.viewport_height());
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_CULL_FACE);  // wide-line quads come in both windings
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  // Colour blends by alpha; destination alpha accumulates so an opaque target stays opaque.
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glBlendEquation(GL_FUNC_ADD);
}

bool draws_fill(const LayerDrawItem& item) {
  return item.layer != nullptr && item.style.visible && item.layer->has_fill() &&
         (item.style.fill.has_value() || item.layer->has_feature_colors());
}

}  // namespace

Result<MapRenderer> MapRenderer::create() {
  auto fill = ShaderProgram::from_embedded("fill", "feature.vert", "", "feature_fill.frag");
  if (!fill) return std::unexpected(fill.error());
  auto line = ShaderProgram::from_embedded("line", "feature.vert", "", "solid.frag");
  if (!line) return std::unexpected(line.error());
  auto wide_line =
      ShaderProgram::from_embedded("wide line", "feature.vert", "wide_line.geom", "solid.frag");
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
  // Tolerances are in degrees; a degree of latitude is the larger of the two on screen.
  const double degrees_per_pixel = 1.0 / camera.pixels_per_degree();
  for (const LayerDrawItem& item : bottom_to_top) {
    if (!draws_fill(item)) continue;
    const std::size_t level = item.layer->level_for(degrees_per_pixel);
    draw_fill(*item.layer, item.style, level, camera);
    stats.fan_triangles += item.layer->triangle_count(level);
  }
  for (const LayerDrawItem& item : bottom_to_top) {
    if (item.layer == nullptr || !item.style.visible || !item.layer->has_outlines()) continue;
    const std::size_t level = item.layer->level_for(degrees_per_pixel);
    draw_outline(*item.layer, item.style, level, camera);
    stats.outline_segments += item.layer->outline_segment_count(level);
  }
  // Hover, then selection on top of everything, so a selected feature reads at any zoom.
  for (const bool selection : {false, true}) {
    for (const LayerDrawItem& item : bottom_to_top) {
      if (item.layer == nullptr || !item.style.visible) continue;
      const FeatureHighlightStyle& h = item.style.highlight;
      const std::size_t level = item.layer->level_for(degrees_per_pixel);
      if (selection) {
        draw_feature_outlines(*item.layer, item.layer->selected_features(), h.selection_outline,
                              h.selection_outline_width_px, level, camera);
      } else {
        draw_feature_outlines(*item.layer, item.layer->hovered_features(), h.hover_outline,
                              h.hover_outline_width_px, level, camera);
      }
    }
  }
  for (const LayerDrawItem& item : bottom_to_top) {
    if (item.layer == nullptr || !item.style.visible || !item.layer->has_points()) continue;
    draw_points(*item.layer, item.style, camera);
  }
  glUseProgram(0);
  return stats;
}

void MapRenderer::draw_fill(const LayerGpu& layer, const LayerDrawStyle& style, std::size_t level,
                            const Camera2D& camera) const {
  fill_.use();
  set_transform(fill_, camera, layer.origin());
  bind_features(fill_, layer, layer.has_feature_colors());
  fill_.set("u_color", style.fill.value_or(Rgba{0, 0, 0, 0}));
  const FeatureHighlightStyle& h = style.highlight;
  fill_.set("u_no_data_base", h.no_data_base);
  fill_.set("u_no_data_hatch", h.no_data_hatch);
  fill_.set("u_hatch_period_px", std::max(h.hatch_period_px, 2.0f));
  fill_.set("u_hatch_width_px", h.hatch_width_px);
  fill_.set("u_hover_lighten", h.hover_lighten);
  layer.draw_triangles(level);
}

const ShaderProgram& MapRenderer::line_program(const LayerGpu& layer, const Rgba& color,
                                               float width_px, const Camera2D& camera) const {
  const bool wide = width_px > 1.0f;
  const ShaderProgram& program = wide ? wide_line_ : line_;
  program.use();
  set_transform(program, camera, layer.origin());
  bind_features(program, layer, false);
  // Hairlines thinner than a pixel are drawn 1 px wide with proportionally less opacity, which
  // reads as thinner (e.g. village boundaries at 0.5 px under tambon boundaries at 1 px).
  Rgba shown = color;
  if (width_px < 1.0f) shown.a *= std::max(width_px, 0.1f);
  program.set("u_color", shown);
  if (wide) {
    program.set("u_viewport_px", static_cast<float>(camera.viewport_width()),
                static_cast<float>(camera.viewport_height()));
    program.set("u_width_px", width_px);
  }
  return program;
}

void MapRenderer::draw_outline(const LayerGpu& layer, const LayerDrawStyle& style,
                               std::size_t level, const Camera2D& camera) const {
  line_program(layer, style.outline, style.outline_width_px, camera);
  layer.draw_outlines(level);
}

void MapRenderer::draw_feature_outlines(const LayerGpu& layer,
                                        std::span<const std::uint32_t> features, const Rgba& color,
                                        float width_px, std::size_t level,
                                        const Camera2D& camera) const {
  if (features.empty()) return;
  line_program(layer, color, width_px, camera);
  layer.draw_feature_outlines(level, features);
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

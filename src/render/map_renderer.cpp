#include "render/map_renderer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

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

// A width of zero or a transparent colour draws nothing, so the pass is skipped.
bool draws_outline(const LayerDrawItem& item) {
  return item.layer != nullptr && item.style.visible && item.layer->has_outlines() &&
         item.style.outline_width_px > 0 && item.style.outline.a > 0;
}

// The view's world rectangle grown by a margin of pixels: a feature just outside may still
// reach in with a wide outline's half width (or its joint extension).
Bbox culling_extent(const Camera2D& camera) {
  constexpr double kMarginPx = 16;
  Bbox box = camera.visible_extent();
  const double along_latitude = kMarginPx / camera.pixels_per_degree();
  // A degree of longitude is shorter on screen than one of latitude, so it takes more of them.
  const double along_longitude =
      along_latitude /
      std::max(std::cos(camera.reference_latitude() * std::numbers::pi / 180), 0.01);
  box.min_x -= along_longitude;
  box.max_x += along_longitude;
  box.min_y -= along_latitude;
  box.max_y += along_latitude;
  return box;
}

// Whether every fragment of the layer's fill is opaque, so blending can be switched off:
// llvmpipe then skips reading the framebuffer for every fill fragment.
bool fill_is_opaque(const LayerGpu& layer, const LayerDrawStyle& style) {
  const FeatureHighlightStyle& h = style.highlight;
  const bool colors_opaque = layer.has_feature_colors()
                                 ? layer.feature_colors_opaque()
                                 : style.fill.has_value() && style.fill->a >= 1.0f;
  return colors_opaque && h.no_data_base.a >= 1.0f && h.no_data_hatch.a >= 1.0f;
}

}  // namespace

Result<MapRenderer> MapRenderer::create() {
  auto fill = ShaderProgram::from_embedded("fill", "feature.vert", "", "feature_color.frag");
  if (!fill) return std::unexpected(fill.error());
  auto hatch = ShaderProgram::from_embedded("hatch", "feature.vert", "", "feature_fill.frag");
  if (!hatch) return std::unexpected(hatch.error());
  auto line = ShaderProgram::from_embedded("line", "feature.vert", "", "solid.frag");
  if (!line) return std::unexpected(line.error());
  auto wide_line =
      ShaderProgram::from_embedded("wide line", "feature.vert", "wide_line.geom", "solid.frag");
  if (!wide_line) return std::unexpected(wide_line.error());
  auto point = ShaderProgram::from_embedded("point", "map.vert", "", "point.frag");
  if (!point) return std::unexpected(point.error());
  return MapRenderer(std::move(*fill), std::move(*hatch), std::move(*line), std::move(*wide_line),
                     std::move(*point));
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
  const Bbox visible = culling_ ? culling_extent(camera) : Bbox{-1e9, -1e9, 1e9, 1e9};
  for (const LayerDrawItem& item : bottom_to_top) {
    if (!draws_fill(item)) continue;
    const std::size_t level = item.layer->level_for(degrees_per_pixel);
    stats.fan_triangles += draw_fill(*item.layer, item.style, level, camera, visible);
  }
  for (const LayerDrawItem& item : bottom_to_top) {
    if (!draws_outline(item)) continue;
    const std::size_t level = item.layer->level_for(degrees_per_pixel);
    stats.outline_segments += draw_outline(*item.layer, item.style, level, camera, visible);
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

std::size_t MapRenderer::draw_fill(const LayerGpu& layer, const LayerDrawStyle& style,
                                   std::size_t level, const Camera2D& camera,
                                   const Bbox& visible) const {
  const FeatureHighlightStyle& h = style.highlight;
  const auto prepare = [&](const ShaderProgram& program, GLint pass) {
    program.use();
    set_transform(program, camera, layer.origin());
    bind_features(program, layer, layer.has_feature_colors());
    program.set("u_color", style.fill.value_or(Rgba{0, 0, 0, 0}));
    program.set("u_hover_lighten", h.hover_lighten);
    set_int(program, "u_fill_pass", pass);
  };
  const bool opaque = fill_is_opaque(layer, style);
  if (opaque) glDisable(GL_BLEND);
  // Plain colours first, skipping no-data features in the vertex shader; then the hatch over
  // only those, so the per-pixel hatch arithmetic runs on their pixels alone.
  prepare(fill_, 1);
  const std::size_t drawn = layer.draw_visible_triangles(level, visible);
  const std::vector<std::uint32_t>& no_data = layer.no_data_features();
  if (!no_data.empty()) {
    prepare(hatch_, 2);
    hatch_.set("u_no_data_base", h.no_data_base);
    hatch_.set("u_no_data_hatch", h.no_data_hatch);
    hatch_.set("u_hatch_period_px", std::max(h.hatch_period_px, 2.0f));
    hatch_.set("u_hatch_width_px", h.hatch_width_px);
    // Counted once: the plain pass already counted these triangles (and dropped them).
    layer.draw_feature_triangles(level, no_data);
  }
  if (opaque) glEnable(GL_BLEND);
  return drawn;
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

std::size_t MapRenderer::draw_outline(const LayerGpu& layer, const LayerDrawStyle& style,
                                      std::size_t level, const Camera2D& camera,
                                      const Bbox& visible) const {
  line_program(layer, style.outline, style.outline_width_px, camera);
  return layer.draw_visible_outlines(level, visible);
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

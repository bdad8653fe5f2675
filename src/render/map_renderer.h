// Draws boundary layers (already on the GPU) with a camera into the bound framebuffer.
//
// Drawing order is: every layer's fill, bottom to top; then every layer's outline, bottom to
// top; then outlines of hovered and of selected features; then points. Administrative layers
// nest (amphoe over tambon over village), so an upper layer's fill would otherwise hide every
// boundary below it.
//
// Fills are triangles coloured per feature (LayerGpu::set_feature_colors) or with the style's
// single colour; "no data" features are hatched, hovered ones lightened, hidden ones skipped.
// Each layer is drawn at the level of detail its tolerance allows at the camera's zoom, and only
// its features whose bounds meet the view (culling). Opaque fills are drawn without blending
// and "no data" hatching runs over the no-data features alone; a layer's outline draws each
// border two features share once. On llvmpipe these cut a frame's CPU time by about a third.
//
// Precondition: a GL 3.3 context is current; the bound framebuffer has the camera's viewport
// size.
#pragma once

#include <optional>
#include <span>
#include <utility>

#include "core/util/result.h"
#include "render/camera.h"
#include "render/color.h"
#include "render/feature_style.h"
#include "render/layer_gpu.h"
#include "render/shader_program.h"

namespace chipao::render {

struct LayerDrawStyle {
  // none: outlines only, unless the layer has per-feature colours, which take precedence
  std::optional<Rgba> fill;
  Rgba outline = rgb8(0x5a5246);
  // Up to 1 px draws GL lines (below 1 px: fainter 1 px lines); wider outlines are screen-space
  // quads made by a geometry shader (core profiles may refuse glLineWidth above 1).
  // Zero (or a transparent outline colour) draws no outline at all.
  float outline_width_px = 1.0f;
  Rgba point_fill = rgb8(0xc0392b);
  Rgba point_outline = rgb8(0xffffff);
  float point_size_px = 7.0f;
  bool visible = true;
  FeatureHighlightStyle highlight;
};

struct LayerDrawItem {
  const LayerGpu* layer = nullptr;
  LayerDrawStyle style;
};

struct DrawStats {
  // Fill triangles drawn after culling (name kept from the stencil fill).
  std::size_t fan_triangles = 0;
  std::size_t outline_segments = 0;  // layer outline segments drawn after culling
};

class MapRenderer {
 public:
  static Result<MapRenderer> create();

  void clear(const Rgba& background) const;
  DrawStats draw(std::span<const LayerDrawItem> bottom_to_top, const Camera2D& camera) const;

  // Features whose bounds lie outside the view are skipped (on by default; off draws every
  // feature, for tests that check culling changes no pixel).
  void set_culling(bool on) { culling_ = on; }

 private:
  MapRenderer(ShaderProgram fill, ShaderProgram hatch, ShaderProgram line, ShaderProgram wide_line,
              ShaderProgram point)
      : fill_(std::move(fill)),
        hatch_(std::move(hatch)),
        line_(std::move(line)),
        wide_line_(std::move(wide_line)),
        point_(std::move(point)) {}

  // Return the triangles / segments drawn.
  std::size_t draw_fill(const LayerGpu& layer, const LayerDrawStyle& style, std::size_t level,
                        const Camera2D& camera, const Bbox& visible) const;
  std::size_t draw_outline(const LayerGpu& layer, const LayerDrawStyle& style, std::size_t level,
                           const Camera2D& camera, const Bbox& visible) const;
  // Outlines of only `features` in one colour and width (hover, selection).
  void draw_feature_outlines(const LayerGpu& layer, std::span<const std::uint32_t> features,
                             const Rgba& color, float width_px, std::size_t level,
                             const Camera2D& camera) const;
  const ShaderProgram& line_program(const LayerGpu& layer, const Rgba& color, float width_px,
                                    const Camera2D& camera) const;
  void draw_points(const LayerGpu& layer, const LayerDrawStyle& style,
                   const Camera2D& camera) const;

  ShaderProgram fill_;   // plain per-feature colour, every feature but the no-data ones
  ShaderProgram hatch_;  // the no-data hatch, drawn over only the no-data features
  ShaderProgram line_;
  ShaderProgram wide_line_;
  ShaderProgram point_;
  bool culling_ = true;
};

}  // namespace chipao::render

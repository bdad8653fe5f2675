// What a finished map carries around the areas: a title (and a line under it), the legend box
// with one swatch per class, its range and its number of areas, a "no data" entry drawn with
// the map's own hatch, a scale bar and, optionally, a north arrow.
//
// Two steps, so the map can be fitted to the room the decorations leave:
//   layout_map_decorations()  CPU only: pixel rectangles, triangles and text positions, and
//                             the padding the map should keep free (FitPadding);
//   MapDecorations::draw()    GL: the shapes as triangles, the text through TextRenderer.
//
// Units: pixels of the target, origin top-left, y down. Every size is a base size in pixels
// multiplied by ui_scale, so the app's presentation mode (a projector, a 4K screen) and the CLI
// (any --size) reuse one layout. Text is measured with the FontSet that will draw it (HarfBuzz
// shaping), so boxes fit Thai labels exactly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/classify/legend.h"
#include "core/geo/scale_bar.h"
#include "core/util/result.h"
#include "render/camera.h"
#include "render/color.h"
#include "render/feature_style.h"
#include "render/gl_handles.h"
#include "render/shader_program.h"
#include "render/text/font_set.h"

namespace chipao::render {

class TextRenderer;

struct MapDecorationContent {
  std::string title;               // empty: no title band
  std::string subtitle;            // a smaller line under the title (source, date); may be empty
  const Legend* legend = nullptr;  // nullptr: no legend box
  // Metres per pixel east-west at the map centre (core/geo/scale_bar.h); 0: no scale bar.
  double metres_per_pixel = 0;
  bool north_arrow = false;
  FeatureHighlightStyle no_data_style;  // the legend's no-data swatch matches the map's hatch
};

struct DecorationRect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

// Triangles of one colour (x, y pairs, 3 vertices per triangle), optionally clipped to a
// rectangle (the hatch stripes of the no-data swatch).
struct DecorationShape {
  std::vector<float> triangles;
  Rgba color;
  std::optional<DecorationRect> clip;
};

enum class DecorationAnchor { left, center, right };

// One line of text; (x_px, y_px) is on the baseline, at the anchor's side of the text.
struct DecorationText {
  std::string text;
  float x_px = 0, y_px = 0;
  float size_px = 0;
  Rgba color;
  DecorationAnchor anchor = DecorationAnchor::left;
  bool halo = false;  // a light outline, for text drawn over the map itself
};

struct MapDecorationLayout {
  std::vector<DecorationShape> shapes;  // in drawing order
  std::vector<DecorationText> texts;
  FitPadding map_padding;  // where the areas may go without hiding under a box
  std::optional<DecorationRect> title_box;
  std::optional<DecorationRect> legend_box;
  std::optional<DecorationRect> scale_bar_box;
  std::optional<ScaleBar> scale_bar;  // what the bar says
};

// Precondition: viewport at least 1x1; ui_scale > 0.
MapDecorationLayout layout_map_decorations(const MapDecorationContent& content, FontSet& fonts,
                                           int viewport_w, int viewport_h, float ui_scale);

// Draws a layout into the bound framebuffer. Precondition: a GL 3.3 context is current.
class MapDecorations {
 public:
  static Result<MapDecorations> create();

  // text may be nullptr (shapes only, e.g. when no font is installed).
  void draw(const MapDecorationLayout& layout, TextRenderer* text, int viewport_w,
            int viewport_h) const;

 private:
  MapDecorations(ShaderProgram program, GlVertexArray vertex_array, GlBuffer vertices)
      : program_(std::move(program)),
        vertex_array_(std::move(vertex_array)),
        vertices_(std::move(vertices)) {}

  ShaderProgram program_;
  GlVertexArray vertex_array_;
  GlBuffer vertices_;
};

}  // namespace chipao::render

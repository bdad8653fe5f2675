// A layer on the map: what was loaded (kept for later tools: identify, select, tally), its GPU
// buffers and its current style.
#pragma once

#include <string>

#include "app/layer_figures.h"
#include "core/layer/boundary_layer.h"
#include "render/layer_gpu.h"
#include "render/map_renderer.h"

namespace chipao::app {

struct MapLayer {
  std::string request;  // the descriptor or file the user asked for
  std::string title_th;
  std::string title_en;
  BoundaryLayer data;
  LayerFigures figures;            // joined tables; empty for a layer without tables
  std::vector<Vec2> label_points;  // per feature (render/map_labels.h); empty until needed
  double load_seconds = 0;
  render::LayerGpu gpu;
  render::LayerDrawStyle style;
  std::string style_problem;  // a descriptor colour that did not parse, shown as a warning
};

}  // namespace chipao::app

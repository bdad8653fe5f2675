// The side panel: loaded layers with what the loader found (counts, level, CRS, encoding,
// warnings), load progress, load errors, the language switch and frame time.
//
// It only reads the state it is given and returns what the user asked for; the app applies it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/frame_stats.h"
#include "app/layer_loader.h"
#include "app/map_layer.h"
#include "app/ui_text.h"

namespace chipao::app {

struct PanelState {
  std::span<const MapLayer> layers;
  LoaderStatus loader;
  std::span<const std::string> errors;
  std::string font_warning;
  const FrameStats* frame_stats = nullptr;
  std::size_t triangles = 0;
  Language language = Language::thai;
};

struct PanelActions {
  bool switch_language = false;
  bool fit_view = false;
  std::optional<std::size_t> toggle_visibility;  // index into layers
};

// The panel's width in pixels, so the map can keep its content clear of it.
float layer_panel_width(float ui_scale);

PanelActions draw_layer_panel(const PanelState& state, float ui_scale);

}  // namespace chipao::app

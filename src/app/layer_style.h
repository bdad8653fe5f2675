// How a loaded layer looks on the map: its descriptor's style, or defaults by administrative
// level for a file opened without a descriptor (coarser levels get darker, heavier outlines).
#pragma once

#include <optional>
#include <string>

#include "core/admin/admin_level.h"
#include "core/layer/layer_descriptor.h"
#include "render/map_renderer.h"

namespace chipao::app {

// An unknown level (no code field told it) is styled like a tambon layer.
render::LayerDrawStyle default_style_for_level(std::optional<AdminLevel> level);

// Colours that do not parse fall back to the level default; `problem` then says which.
render::LayerDrawStyle style_from_descriptor(const LayerStyle& style,
                                             std::optional<AdminLevel> level, std::string& problem);

}  // namespace chipao::app

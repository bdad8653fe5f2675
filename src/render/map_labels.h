// Labels of the areas on a map, shared by the app and `chipao-cli render`: which text each area
// gets (its Thai or English name, or its mapped value), where (its label point), and which of
// them fit without overlapping (render/label_layout.h), as TextItems for TextRenderer.
//
// Label points are computed once per layer (feature_label_points, CPU only, fine for a worker
// thread); placing runs again whenever the camera's zoom or the content changes.
// Priority: larger areas first, or higher values first when labelling by value.
//
// Units: anchors in degrees (WGS 84 lon/lat); everything placed in viewport pixels, origin
// top-left, y down. Precondition for layout_map_labels: anchors has one point per feature.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/layer/boundary_layer.h"
#include "render/camera.h"
#include "render/text/text_item.h"

namespace chipao::render {

class TextRenderer;

enum class LabelContent { name, name_en, value, none };

// "name", "name-en", "value", "none"; nullopt for anything else.
std::optional<LabelContent> parse_label_content(const std::string& text);
const char* label_content_name(LabelContent content);

// One point well inside each feature's largest part (core/geo/label_point.h), with a precision
// of 1% of the feature's extent.
std::vector<Vec2> feature_label_points(std::span<const BoundaryFeature> features);

// A box labels must keep clear of (a legend or title drawn over the map), in pixels.
struct LabelKeepOut {
  float x = 0, y = 0, w = 0, h = 0;
};

struct MapLabelInput {
  std::span<const BoundaryFeature> features;
  std::span<const Vec2> anchors;                // feature_label_points(features)
  std::span<const double> values;               // per feature (NaN: none); needed for value labels
  const std::vector<bool>* eligible = nullptr;  // per feature; nullptr: all
  LabelContent content = LabelContent::name;
  int decimals = 0;    // of value labels
  float size_px = 13;  // text size
  std::vector<LabelKeepOut> keep_out;
};

// The labels that fit, highest priority first. Features whose box on screen is smaller than
// their label's height get none (a name that covers its neighbours says nothing).
std::vector<TextItem> layout_map_labels(const MapLabelInput& input, const Camera2D& camera,
                                        TextRenderer& text);

// "1,234" or "12.5": what a value label shows.
std::string format_label_value(double value, int decimals);

}  // namespace chipao::render

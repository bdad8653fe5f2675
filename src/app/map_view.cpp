#include "app/map_view.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app/layer_style.h"

namespace chipao::app {

namespace {
// One wheel notch zooms by 20%; a touchpad's fractional notches zoom proportionally.
constexpr double kZoomPerNotch = 1.2;

std::string file_stem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}
}  // namespace

void MapView::add_layer(LoadedLayer&& loaded) {
  MapLayer layer;
  layer.request = loaded.request;
  layer.load_seconds = loaded.seconds;
  const std::optional<AdminLevel> level = loaded.data.source.level;
  if (loaded.descriptor) {
    layer.title_th = loaded.descriptor->title_th;
    layer.title_en = loaded.descriptor->title_en;
    layer.style = style_from_descriptor(loaded.descriptor->style, level, layer.style_problem);
  } else {
    layer.style = default_style_for_level(level);
  }
  if (layer.title_en.empty()) layer.title_en = file_stem(loaded.request);
  if (layer.title_th.empty()) layer.title_th = layer.title_en;
  layer.gpu = render::LayerGpu::upload(loaded.mesh);
  layer.data = std::move(loaded.data);
  layer.figures = std::move(loaded.figures);
  layer.label_points = std::move(loaded.label_points);

  // Finer levels draw first (village < tambon < amphoe < province); equal levels keep load
  // order. A layer of unknown level goes to the bottom, so it cannot hide known boundaries.
  const auto depth = [](std::optional<AdminLevel> of) {
    return of ? static_cast<int>(*of) : static_cast<int>(AdminLevel::village) + 1;
  };
  const auto position = std::upper_bound(layers_.begin(), layers_.end(), depth(level),
                                         [&](int new_depth, const MapLayer& existing) {
                                           return new_depth > depth(existing.data.source.level);
                                         });
  // Indices after the new layer shift: the label request names a layer by index.
  const auto inserted = static_cast<std::size_t>(position - layers_.begin());
  if (label_request_.layer && *label_request_.layer >= inserted) label_request_.layer.reset();
  layers_.insert(position, std::move(layer));
  cache_valid_ = false;
  labels_stale_ = true;
}

void MapView::clear_layers() {
  layers_.clear();
  label_request_.layer.reset();
  cache_valid_ = false;
  labels_stale_ = true;
  user_moved_view_ = false;
}

void MapView::set_layer_visible(std::size_t index, bool visible) {
  if (index >= layers_.size() || layers_[index].style.visible == visible) return;
  layers_[index].style.visible = visible;
  cache_valid_ = false;
}

void MapView::set_labels(MapLabelRequest request) {
  if (request == label_request_) return;
  label_request_ = std::move(request);
  labels_stale_ = true;
  cache_valid_ = false;
}

void MapView::set_viewport(int width_px, int height_px) {
  if (width_px == camera_.viewport_width() && height_px == camera_.viewport_height()) return;
  camera_.set_viewport(width_px, height_px);
  cache_.reset();  // sized to the old viewport
  cache_valid_ = false;
  labels_stale_ = true;
}

Bbox MapView::layers_extent() const {
  Bbox extent;
  for (const MapLayer& layer : layers_) extent.expand(layer.gpu.extent());
  return extent;
}

void MapView::fit_to_layers(const render::FitPadding& padding) {
  camera_.fit(layers_extent(), padding);
  user_moved_view_ = false;
  cache_valid_ = false;
  labels_stale_ = true;
}

void MapView::set_view(Vec2 center, double pixels_per_degree) {
  camera_.set_view(center, pixels_per_degree, center.y);
  user_moved_view_ = true;
  cache_valid_ = false;
  labels_stale_ = true;
}

bool MapView::handle_mouse(const MouseInput& mouse) {
  bool changed = false;
  if (mouse.left_pressed && !mouse.over_panel) {
    dragging_ = true;
    drag_last_x_ = mouse.x_px;
    drag_last_y_ = mouse.y_px;
  }
  if (dragging_) {
    if (!mouse.left_down) {
      dragging_ = false;
      // The drag drew the old labels moved; now place them for what is in view.
      labels_stale_ = true;
      cache_valid_ = false;
      changed = true;
    } else if (mouse.x_px != drag_last_x_ || mouse.y_px != drag_last_y_) {
      camera_.pan_by_pixels(mouse.x_px - drag_last_x_, mouse.y_px - drag_last_y_);
      drag_last_x_ = mouse.x_px;
      drag_last_y_ = mouse.y_px;
      changed = true;
    }
  }
  if (mouse.scroll_y != 0 && !mouse.over_panel) {
    camera_.zoom_at({mouse.x_px, mouse.y_px}, std::pow(kZoomPerNotch, mouse.scroll_y));
    labels_stale_ = true;
    changed = true;
  }
  if (changed) {
    user_moved_view_ = true;
    cache_valid_ = false;
  }
  return changed;
}

render::DrawStats MapView::draw(const render::Rgba& background) {
  if (!cache_) {
    auto target =
        render::OffscreenTarget::create(camera_.viewport_width(), camera_.viewport_height());
    if (target) cache_.emplace(std::move(*target));
  }
  if (cache_valid_ && cache_) {
    cache_->blit_to_window();
    return last_stats_;
  }

  std::vector<render::LayerDrawItem> items;
  items.reserve(layers_.size());
  for (const MapLayer& layer : layers_) items.push_back({&layer.gpu, layer.style});
  // Without a cache (the driver refused the off-screen target) draw straight to the window.
  if (cache_) {
    cache_->bind();
  } else {
    render::OffscreenTarget::bind_window();
  }
  renderer_.clear(background);
  last_stats_ = renderer_.draw(items, camera_);
  draw_labels();
  if (cache_) {
    cache_->blit_to_window();
    cache_valid_ = true;
  }
  return last_stats_;
}

void MapView::draw_labels() {
  const int width = camera_.viewport_width(), height = camera_.viewport_height();
  const auto& layer_index = label_request_.layer;
  if (!text_ || !layer_index || *layer_index >= layers_.size() ||
      label_request_.content == render::LabelContent::none) {
    labels_placed_ = 0;
    return;
  }
  MapLayer& layer = layers_[*layer_index];
  if (!layer.style.visible) return;
  if (labels_stale_ && !dragging_) {
    if (layer.label_points.size() != layer.data.features.size())
      layer.label_points = render::feature_label_points(layer.data.features);
    render::MapLabelInput input;
    input.features = layer.data.features;
    input.anchors = layer.label_points;
    input.values = label_request_.values;
    input.eligible = label_request_.eligible.empty() ? nullptr : &label_request_.eligible;
    input.content = label_request_.content;
    input.decimals = label_request_.decimals;
    input.size_px = label_request_.size_px;
    const std::vector<render::TextItem> placed = render::layout_map_labels(input, camera_, *text_);
    labels_placed_ = placed.size();
    label_batch_ = text_->build(placed);
    label_origin_world_ = camera_.screen_to_world({0, 0});
    labels_stale_ = false;
  }
  // While dragging, the batch placed before the drag moves with the map.
  const Vec2 offset = camera_.world_to_screen(label_origin_world_);
  text_->draw(label_batch_, width, height, static_cast<float>(offset.x),
              static_cast<float>(offset.y));
}

}  // namespace chipao::app

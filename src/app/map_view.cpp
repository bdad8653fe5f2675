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

  // Finer levels draw first (village < tambon < amphoe < province); equal levels keep load
  // order. A layer of unknown level goes to the bottom, so it cannot hide known boundaries.
  const auto depth = [](std::optional<AdminLevel> of) {
    return of ? static_cast<int>(*of) : static_cast<int>(AdminLevel::village) + 1;
  };
  const auto position = std::upper_bound(layers_.begin(), layers_.end(), depth(level),
                                         [&](int new_depth, const MapLayer& existing) {
                                           return new_depth > depth(existing.data.source.level);
                                         });
  layers_.insert(position, std::move(layer));
  cache_valid_ = false;
}

void MapView::set_layer_visible(std::size_t index, bool visible) {
  if (index >= layers_.size() || layers_[index].style.visible == visible) return;
  layers_[index].style.visible = visible;
  cache_valid_ = false;
}

void MapView::set_viewport(int width_px, int height_px) {
  if (width_px == camera_.viewport_width() && height_px == camera_.viewport_height()) return;
  camera_.set_viewport(width_px, height_px);
  cache_.reset();  // sized to the old viewport
  cache_valid_ = false;
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
}

void MapView::set_view(Vec2 center, double pixels_per_degree) {
  camera_.set_view(center, pixels_per_degree, center.y);
  user_moved_view_ = true;
  cache_valid_ = false;
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
    } else if (mouse.x_px != drag_last_x_ || mouse.y_px != drag_last_y_) {
      camera_.pan_by_pixels(mouse.x_px - drag_last_x_, mouse.y_px - drag_last_y_);
      drag_last_x_ = mouse.x_px;
      drag_last_y_ = mouse.y_px;
      changed = true;
    }
  }
  if (mouse.scroll_y != 0 && !mouse.over_panel) {
    camera_.zoom_at({mouse.x_px, mouse.y_px}, std::pow(kZoomPerNotch, mouse.scroll_y));
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
  if (cache_) {
    cache_->blit_to_window();
    cache_valid_ = true;
  }
  return last_stats_;
}

}  // namespace chipao::app

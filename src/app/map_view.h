// The map: its layers on the GPU, the camera, and mouse navigation (wheel zoom at the cursor,
// drag to pan). Knows nothing of panels; the app tells it whether the mouse is over one.
//
// The drawn map is kept in an off-screen image and only redrawn when the view, the layers or
// their styles change. Frames drawn for the panels alone (hover, typing) then cost one copy
// instead of a full map draw, which on a software renderer is the difference between a few
// and a hundred milliseconds.
//
// Labels (render/map_labels.h) are drawn into that image after the fill, so panels always
// cover them and an unchanged map costs no label work. They are placed again when the zoom,
// the viewport or what they show changes, and when a drag ends; during a drag the batch built
// last is drawn moved by the pan.
//
// Precondition: the window's GL context is current for every call and at destruction.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "app/layer_loader.h"
#include "app/map_layer.h"
#include "render/camera.h"
#include "render/map_labels.h"
#include "render/map_renderer.h"
#include "render/offscreen_target.h"
#include "render/text/text_batch.h"
#include "render/text/text_renderer.h"

namespace chipao::app {

struct MouseInput {
  double x_px = 0, y_px = 0;  // framebuffer pixels, top-left origin
  bool left_down = false;
  bool left_pressed = false;  // went down since the last frame
  double scroll_y = 0;        // wheel notches
  bool over_panel = false;    // ImGui has the mouse: neither zoom nor start a drag
};

// Which layer's areas to label, and with what. Compared each frame: equal requests cost nothing.
struct MapLabelRequest {
  std::optional<std::size_t> layer;  // none: no labels
  render::LabelContent content = render::LabelContent::none;
  std::vector<double> values;  // per feature of the layer (value labels, priorities)
  std::vector<bool> eligible;  // per feature; empty: all
  int decimals = 0;
  float size_px = 13;

  friend bool operator==(const MapLabelRequest&, const MapLabelRequest&) = default;
};

class MapView {
 public:
  explicit MapView(render::MapRenderer renderer) : renderer_(std::move(renderer)) {}

  // Uploads the layer's mesh once and inserts it in drawing order (finest level at the bottom).
  void add_layer(LoadedLayer&& loaded);
  // Drops every layer (another project is opened); the next layers are fitted again.
  void clear_layers();
  const std::vector<MapLayer>& layers() const { return layers_; }
  void set_layer_visible(std::size_t index, bool visible);
  // Without a text renderer (no font found) the map has no labels.
  void set_text_renderer(std::unique_ptr<render::TextRenderer> text) { text_ = std::move(text); }
  void set_labels(MapLabelRequest request);
  std::size_t labels_placed() const { return labels_placed_; }
  // For per-feature colours, flags, styles and re-joined figures; the cached image is redrawn.
  MapLayer& mutable_layer(std::size_t index) {
    cache_valid_ = false;
    return layers_[index];
  }
  // For keyboard navigation and fitting to a selection; the cached image is redrawn.
  render::Camera2D& mutable_camera() {
    cache_valid_ = false;
    labels_stale_ = true;
    user_moved_view_ = true;
    return camera_;
  }

  void set_viewport(int width_px, int height_px);
  // Until the user moves the map, each new layer refits the view to everything loaded.
  void fit_to_layers(const render::FitPadding& padding);
  bool user_moved_view() const { return user_moved_view_; }
  // A view chosen from outside (command line); layers arriving later do not refit it.
  void set_view(Vec2 center, double pixels_per_degree);
  // Returns true when the view changed (a frame must be drawn).
  bool handle_mouse(const MouseInput& mouse);

  // Draws the map into the window's framebuffer (from the cached image when still valid).
  render::DrawStats draw(const render::Rgba& background);
  const render::Camera2D& camera() const { return camera_; }
  Bbox layers_extent() const;

 private:
  render::MapRenderer renderer_;
  render::Camera2D camera_;
  std::vector<MapLayer> layers_;
  std::optional<render::OffscreenTarget> cache_;
  bool cache_valid_ = false;
  render::DrawStats last_stats_;
  bool user_moved_view_ = false;
  bool dragging_ = false;
  double drag_last_x_ = 0, drag_last_y_ = 0;
  void draw_labels();

  // Labels.
  std::unique_ptr<render::TextRenderer> text_;
  MapLabelRequest label_request_;
  render::TextBatch label_batch_;
  bool labels_stale_ = true;
  Vec2 label_origin_world_;  // the world point at screen (0, 0) when the batch was built
  std::size_t labels_placed_ = 0;
};

}  // namespace chipao::app

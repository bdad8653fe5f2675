// A 2D map camera: world longitude/latitude (degrees, WGS 84) to screen pixels and to GL clip
// space.
//
// Screen pixels have their origin at the top-left of the viewport with y growing downwards (as
// GLFW reports the cursor). The map uses an equirectangular view whose x axis is scaled by
// cos(reference latitude), so that near that latitude a kilometre east looks as long as a
// kilometre north. The reference latitude is fixed when the camera is fitted to an extent (not
// on every pan), so panning north or south never changes the map's shape.
#pragma once

#include "core/geo/geometry.h"

namespace chipao::render {

// Maps a layer's local vertex (world minus the layer's origin) to clip space:
// clip = local * scale + offset. Computed in double on the CPU so the GPU only sees small floats.
struct ClipTransform {
  float scale_x = 1, scale_y = 1;
  float offset_x = 0, offset_y = 0;
};

// Pixels around the area that the map should fill when fitting (e.g. room for a side panel).
struct FitPadding {
  double left = 24, top = 24, right = 24, bottom = 24;
};

class Camera2D {
 public:
  static constexpr double kMinPixelsPerDegree = 1.0;        // the whole planet in ~360 px
  static constexpr double kMaxPixelsPerDegree = 2'000'000;  // ~5 cm per pixel

  void set_viewport(int width_px, int height_px);
  int viewport_width() const { return width_px_; }
  int viewport_height() const { return height_px_; }

  // Centres the extent and zooms so it fits inside the padded viewport. An empty extent leaves
  // the camera as it was; a single point keeps the current zoom.
  void fit(const Bbox& extent, const FitPadding& padding = {});
  // Multiplies the zoom by `factor` (>1 zooms in) keeping the world point under `screen_px` fixed.
  void zoom_at(Vec2 screen_px, double factor);
  // Moves the map with the cursor: a drag of (dx, dy) pixels moves the content by (dx, dy).
  void pan_by_pixels(double dx_px, double dy_px);

  Vec2 world_to_screen(Vec2 lon_lat) const;
  Vec2 screen_to_world(Vec2 screen_px) const;
  ClipTransform clip_transform(Vec2 local_origin) const;
  // The world rectangle the viewport shows (for culling and for tests).
  Bbox visible_extent() const;

  Vec2 center() const { return center_; }
  double pixels_per_degree() const { return pixels_per_degree_; }  // along latitude
  double reference_latitude() const { return reference_latitude_; }
  void set_view(Vec2 center, double pixels_per_degree, double reference_latitude);

 private:
  double x_scale() const;  // pixels per degree of longitude

  int width_px_ = 1;
  int height_px_ = 1;
  Vec2 center_{100.5, 13.0};  // Thailand, until something is fitted
  double pixels_per_degree_ = 60;
  double reference_latitude_ = 13.0;
  double cos_reference_ = 0.974370064785235;  // cos(13 degrees)
};

}  // namespace chipao::render

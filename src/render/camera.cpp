#include "render/camera.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace chipao::render {

namespace {
double clamp_zoom(double pixels_per_degree) {
  return std::clamp(pixels_per_degree, Camera2D::kMinPixelsPerDegree,
                    Camera2D::kMaxPixelsPerDegree);
}
}  // namespace

void Camera2D::set_viewport(int width_px, int height_px) {
  // A minimised window reports 0x0; keep the camera usable instead of dividing by zero.
  width_px_ = std::max(width_px, 1);
  height_px_ = std::max(height_px, 1);
}

double Camera2D::x_scale() const {
  return pixels_per_degree_ * cos_reference_;
}

void Camera2D::set_view(Vec2 center, double pixels_per_degree, double reference_latitude) {
  center_ = center;
  pixels_per_degree_ = clamp_zoom(pixels_per_degree);
  reference_latitude_ = std::clamp(reference_latitude, -85.0, 85.0);
  cos_reference_ = std::cos(reference_latitude_ * std::numbers::pi / 180.0);
}

void Camera2D::fit(const Bbox& extent, const FitPadding& padding) {
  if (extent.empty()) return;
  const double area_width = std::max(1.0, width_px_ - padding.left - padding.right);
  const double area_height = std::max(1.0, height_px_ - padding.top - padding.bottom);
  const double reference = 0.5 * (extent.min_y + extent.max_y);
  const double cos_reference =
      std::cos(std::clamp(reference, -85.0, 85.0) * std::numbers::pi / 180.0);

  double zoom = pixels_per_degree_;
  const double span_x = (extent.max_x - extent.min_x) * cos_reference;
  const double span_y = extent.max_y - extent.min_y;
  if (span_x > 0 || span_y > 0) {
    zoom = std::min(span_x > 0 ? area_width / span_x : kMaxPixelsPerDegree,
                    span_y > 0 ? area_height / span_y : kMaxPixelsPerDegree);
  }
  set_view({}, zoom, reference);

  // Centre the extent in the padded area, not in the whole viewport: the area's centre sits
  // (left - right) / 2 pixels right of the viewport's centre and (top - bottom) / 2 below it.
  const Vec2 extent_center{0.5 * (extent.min_x + extent.max_x),
                           0.5 * (extent.min_y + extent.max_y)};
  const double shift_x_px = 0.5 * (padding.left - padding.right);
  const double shift_y_px = 0.5 * (padding.top - padding.bottom);
  center_ = {extent_center.x - shift_x_px / x_scale(),
             extent_center.y + shift_y_px / pixels_per_degree_};
}

void Camera2D::zoom_at(Vec2 screen_px, double factor) {
  if (!(factor > 0)) return;
  const Vec2 anchor = screen_to_world(screen_px);
  pixels_per_degree_ = clamp_zoom(pixels_per_degree_ * factor);
  // Put the anchor back under the cursor at the new zoom.
  const Vec2 moved = world_to_screen(anchor);
  pan_by_pixels(screen_px.x - moved.x, screen_px.y - moved.y);
}

void Camera2D::pan_by_pixels(double dx_px, double dy_px) {
  center_.x -= dx_px / x_scale();
  center_.y += dy_px / pixels_per_degree_;  // screen y grows downwards, latitude upwards
}

Vec2 Camera2D::world_to_screen(Vec2 lon_lat) const {
  return {0.5 * width_px_ + (lon_lat.x - center_.x) * x_scale(),
          0.5 * height_px_ - (lon_lat.y - center_.y) * pixels_per_degree_};
}

Vec2 Camera2D::screen_to_world(Vec2 screen_px) const {
  return {center_.x + (screen_px.x - 0.5 * width_px_) / x_scale(),
          center_.y - (screen_px.y - 0.5 * height_px_) / pixels_per_degree_};
}

ClipTransform Camera2D::clip_transform(Vec2 local_origin) const {
  // clip_x = (world_x - center_x) * x_scale * 2 / width, with world = local + origin.
  const double scale_x = x_scale() * 2.0 / width_px_;
  const double scale_y = pixels_per_degree_ * 2.0 / height_px_;
  return ClipTransform{static_cast<float>(scale_x), static_cast<float>(scale_y),
                       static_cast<float>((local_origin.x - center_.x) * scale_x),
                       static_cast<float>((local_origin.y - center_.y) * scale_y)};
}

Bbox Camera2D::visible_extent() const {
  Bbox box;
  box.expand(screen_to_world({0, 0}));
  box.expand(screen_to_world({static_cast<double>(width_px_), static_cast<double>(height_px_)}));
  return box;
}

}  // namespace chipao::render

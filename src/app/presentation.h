// Presentation mode and the map overlays drawn with ImGui over the map: the large title, the
// scale bar, and the markers on areas whose figures came from a municipal assignment.
//
// Presentation mode (F5 or F11) hides the editing chrome, goes full screen and scales the
// interface up (to at most 2.5x) so a projector at the back of a meeting room reads it.
#pragma once

#include <string>

#include "app/map_controller.h"
#include "app/ui_text.h"
#include "render/camera.h"

struct GLFWwindow;

namespace chipao::app {

inline constexpr float kMaxPresentationScale = 2.5f;

// A rectangle on screen, in pixels from the top left (an overlay's extent, for fitting the map
// beside it). Empty until the overlay has been drawn once.
struct ScreenRect {
  float left = 0, top = 0, right = 0, bottom = 0;
  bool empty() const { return right <= left || bottom <= top; }
};

// The text scale presentation mode uses on top of the screen's own scale, from the height of
// the screen it presents on: type about 1/32 of the screen high (34 px at 1080 lines, 24 px at
// 768), at least 1.2x, and the product with `ui_scale` at most kMaxPresentationScale.
float presentation_font_scale(float ui_scale, float screen_height_px);

// Full screen on the window's monitor, or back to the window it was.
void set_full_screen(GLFWwindow* window, bool on);

// A high-contrast ImGui style for presenting (black on white, heavy borders), or back to the
// style the app had before.
void apply_presentation_theme(bool on);

// Measure, area and source as a large title at the top of the map; `title` (a saved view's)
// replaces the measure's label when not empty.
// Returns where the title went.
ScreenRect draw_presentation_title(const MapController& controller, Language language,
                                   float ui_scale, const std::string& title = {});

// A small marker at each area whose figures include an assignment, in the layer shown.
// `scale`: the size of the markers relative to the UI at scale 1.
void draw_assignment_markers(const MapController& controller, const render::Camera2D& camera,
                             float scale);

// Ground metres of one pixel east-west at the map's centre (core/geo/scale_bar.h).
double camera_metres_per_pixel(const render::Camera2D& camera);

// Bottom left: right of `left_px` and above `bottom_px` of panels; `scale` sizes the bar and
// its text. Returns where it went (empty when the map has no scale to show).
ScreenRect draw_scale_bar(const render::Camera2D& camera, float scale, float bottom_px,
                          float left_px);

}  // namespace chipao::app

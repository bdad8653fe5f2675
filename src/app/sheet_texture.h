// The plan sheet preview as an OpenGL texture ImGui can draw (ImGui::Image): an RGBA8 image
// from core (draw_plan_sheet_image()) uploaded once, sampled linearly since the dialog shows
// it smaller than drawn.
//
// Precondition: the GL context is current on every call and when the texture goes; the
// export dialog lives inside the app's window, as ImGui does.
#pragma once

#include <imgui.h>

#include "core/plan/plan_sheet.h"

namespace chipao::app {

class SheetTexture {
 public:
  SheetTexture() = default;
  ~SheetTexture() { reset(); }
  SheetTexture(const SheetTexture&) = delete;
  SheetTexture& operator=(const SheetTexture&) = delete;

  void upload(const SheetImage& image);  // replaces what was there
  void reset();
  bool empty() const { return id_ == 0; }
  int width() const { return width_; }
  int height() const { return height_; }
  ImTextureID imgui_id() const;

 private:
  unsigned id_ = 0;  // GLuint; 0 is no texture
  int width_ = 0;
  int height_ = 0;
};

}  // namespace chipao::app

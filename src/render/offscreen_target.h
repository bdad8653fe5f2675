// An off-screen framebuffer (RGBA8 colour + 24-bit depth / 8-bit stencil renderbuffers) for
// rendering maps to images without a visible window: tests, PNG export, thumbnails.
//
// Precondition: a GL 3.3 context is current for creation, bind and destruction.
#pragma once

#include "core/util/result.h"
#include "render/gl_handles.h"

namespace chipao::render {

class OffscreenTarget {
 public:
  static Result<OffscreenTarget> create(int width_px, int height_px);

  // Binds for drawing and reading, and sets the viewport to the whole target.
  void bind() const;
  static void bind_window();  // back to the default (window) framebuffer
  // Copies the whole colour image to the window's framebuffer at (0, 0), 1:1 pixels.
  void blit_to_window() const;

  int width() const { return width_px_; }
  int height() const { return height_px_; }

 private:
  OffscreenTarget() = default;

  GlFramebuffer framebuffer_;
  GlRenderbuffer color_;
  GlRenderbuffer depth_stencil_;
  int width_px_ = 0;
  int height_px_ = 0;
};

}  // namespace chipao::render

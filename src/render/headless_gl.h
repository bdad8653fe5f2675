// An OpenGL core context with no window, no display and no X server: EGL on Mesa's surfaceless
// platform (EGL_MESA_platform_surfaceless). chipao-cli render, benchmarks and tests draw into an
// OffscreenTarget with it; the render code is the same the app uses in its window.
//
// Without a GPU, Mesa answers with llvmpipe (software); with one, the GPU's driver serves the
// same calls. Nothing here forces software rendering.
//
// The context is current on the creating thread from create() until destruction. GL objects
// (targets, buffers, programs) must be destroyed before their HeadlessGl.
#pragma once

#include <memory>
#include <string>

#include "core/util/result.h"

namespace chipao::render {

struct HeadlessGlInfo {
  std::string vendor;    // GL_VENDOR, e.g. "Mesa"
  std::string renderer;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string version;   // GL_VERSION
  int major = 0, minor = 0;
};

class HeadlessGl {
 public:
  // Tries core 4.5, then 3.3 (ChiPao's minimum). Errors name what is missing (the EGL
  // extension, or the Debian package libegl-mesa0 that provides Mesa's EGL).
  static Result<std::unique_ptr<HeadlessGl>> create();
  ~HeadlessGl();
  HeadlessGl(const HeadlessGl&) = delete;
  HeadlessGl& operator=(const HeadlessGl&) = delete;

  const HeadlessGlInfo& info() const { return info_; }

 private:
  HeadlessGl() = default;

  void* display_ = nullptr;  // EGLDisplay; EGL types stay out of this header
  void* context_ = nullptr;  // EGLContext
  HeadlessGlInfo info_;
};

}  // namespace chipao::render

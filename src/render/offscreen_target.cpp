#include "render/offscreen_target.h"

#include <string>

namespace chipao::render {

namespace {
std::string status_name(GLenum status) {
  switch (status) {
    case GL_FRAMEBUFFER_UNDEFINED:
      return "GL_FRAMEBUFFER_UNDEFINED";
    case GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT:
      return "GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT";
    case GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT:
      return "GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT";
    case GL_FRAMEBUFFER_UNSUPPORTED:
      return "GL_FRAMEBUFFER_UNSUPPORTED";
    case GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE:
      return "GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE";
    default:
      return "status " + std::to_string(status);
  }
}
}  // namespace

Result<OffscreenTarget> OffscreenTarget::create(int width_px, int height_px) {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (width_px <= 0 || height_px <= 0 || width_px > max_size || height_px > max_size) {
    return fail("off-screen image size " + std::to_string(width_px) + "x" +
                std::to_string(height_px) + " is outside 1.." + std::to_string(max_size) +
                " pixels per side: choose a smaller size");
  }

  OffscreenTarget target;
  target.width_px_ = width_px;
  target.height_px_ = height_px;
  target.framebuffer_ = make_framebuffer();
  target.color_ = make_renderbuffer();
  target.depth_stencil_ = make_renderbuffer();

  glBindRenderbuffer(GL_RENDERBUFFER, target.color_.id());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width_px, height_px);
  glBindRenderbuffer(GL_RENDERBUFFER, target.depth_stencil_.id());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width_px, height_px);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);

  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                            target.color_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                            target.depth_stencil_.id());
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    return fail("off-screen framebuffer is incomplete (" + status_name(status) +
                "): the GL driver cannot render to RGBA8 with a stencil buffer");
  }
  return target;
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.id());
  glViewport(0, 0, width_px_, height_px_);
}

void OffscreenTarget::bind_window() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::blit_to_window() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, width_px_, height_px_, 0, 0, width_px_, height_px_, GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace chipao::render

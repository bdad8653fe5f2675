// Move-only owners of OpenGL object names (buffers, vertex arrays, framebuffers, renderbuffers,
// shaders, programs).
//
// Precondition: the GL context that created an object is current when the owner is destroyed or
// reset. Owners therefore must be destroyed before the context (the app tears down its renderers
// before the window).
#pragma once

#include <utility>

#include "render/gl_api.h"

namespace chipao::render {

template <void (*Release)(GLuint)>
class GlHandle {
 public:
  GlHandle() = default;
  explicit GlHandle(GLuint id) : id_(id) {}
  GlHandle(const GlHandle&) = delete;
  GlHandle& operator=(const GlHandle&) = delete;
  GlHandle(GlHandle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  GlHandle& operator=(GlHandle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }
  ~GlHandle() { reset(); }

  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_ != 0) Release(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;  // 0 is never a valid name for these object types
};

namespace gl_release {
void buffer(GLuint id);
void vertex_array(GLuint id);
void framebuffer(GLuint id);
void renderbuffer(GLuint id);
void shader(GLuint id);
void program(GLuint id);
}  // namespace gl_release

using GlBuffer = GlHandle<&gl_release::buffer>;
using GlVertexArray = GlHandle<&gl_release::vertex_array>;
using GlFramebuffer = GlHandle<&gl_release::framebuffer>;
using GlRenderbuffer = GlHandle<&gl_release::renderbuffer>;
using GlShader = GlHandle<&gl_release::shader>;
using GlProgram = GlHandle<&gl_release::program>;

GlBuffer make_buffer();
GlVertexArray make_vertex_array();
GlFramebuffer make_framebuffer();
GlRenderbuffer make_renderbuffer();
GlShader make_shader(GLenum stage);  // GL_VERTEX_SHADER, GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER
GlProgram make_program();

}  // namespace chipao::render

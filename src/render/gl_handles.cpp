#include "render/gl_handles.h"

namespace chipao::render {

namespace gl_release {
void buffer(GLuint id) {
  glDeleteBuffers(1, &id);
}
void vertex_array(GLuint id) {
  glDeleteVertexArrays(1, &id);
}
void framebuffer(GLuint id) {
  glDeleteFramebuffers(1, &id);
}
void renderbuffer(GLuint id) {
  glDeleteRenderbuffers(1, &id);
}
void shader(GLuint id) {
  glDeleteShader(id);
}
void program(GLuint id) {
  glDeleteProgram(id);
}
}  // namespace gl_release

GlBuffer make_buffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return GlBuffer(id);
}

GlVertexArray make_vertex_array() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return GlVertexArray(id);
}

GlFramebuffer make_framebuffer() {
  GLuint id = 0;
  glGenFramebuffers(1, &id);
  return GlFramebuffer(id);
}

GlRenderbuffer make_renderbuffer() {
  GLuint id = 0;
  glGenRenderbuffers(1, &id);
  return GlRenderbuffer(id);
}

GlShader make_shader(GLenum stage) {
  return GlShader(glCreateShader(stage));
}

GlProgram make_program() {
  return GlProgram(glCreateProgram());
}

}  // namespace chipao::render

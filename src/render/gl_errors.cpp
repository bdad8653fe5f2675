#include "render/gl_errors.h"

#include "render/gl_api.h"

namespace chipao::render {

namespace {
std::string error_name(GLenum error) {
  switch (error) {
    case GL_INVALID_ENUM:
      return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE:
      return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION:
      return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION:
      return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY:
      return "GL_OUT_OF_MEMORY";
    default:
      return "GL error " + std::to_string(error);
  }
}
}  // namespace

std::string take_gl_errors() {
  std::string text;
  // Several flags can be pending at once; a lost context can report forever, hence the bound.
  for (int i = 0; i < 16; ++i) {
    const GLenum error = glGetError();
    if (error == GL_NO_ERROR) break;
    if (!text.empty()) text += ", ";
    text += error_name(error);
  }
  return text;
}

}  // namespace chipao::render

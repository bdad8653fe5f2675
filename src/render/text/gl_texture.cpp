#include "render/text/gl_texture.h"

namespace chipao::render {

void gl_release::texture_2d(GLuint id) {
  glDeleteTextures(1, &id);
}

GlTexture2D make_texture_2d() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return GlTexture2D(id);
}

}  // namespace chipao::render

#include "app/sheet_texture.h"

#include <cstdint>

#include "render/gl_api.h"

namespace chipao::app {

void SheetTexture::upload(const SheetImage& image) {
  reset();
  if (image.width <= 0 || image.height <= 0) return;
  GLuint id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // Rows are width * 4 bytes, always 4-aligned; keep the default unpack alignment honest anyway.
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               image.rgba.data());
  glBindTexture(GL_TEXTURE_2D, 0);
  id_ = id;
  width_ = image.width;
  height_ = image.height;
}

void SheetTexture::reset() {
  if (id_ != 0) {
    const GLuint id = id_;
    glDeleteTextures(1, &id);
  }
  id_ = 0;
  width_ = height_ = 0;
}

ImTextureID SheetTexture::imgui_id() const {
  // The OpenGL 3 backend reads ImTextureID as the texture's name.
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id_));
}

}  // namespace chipao::app

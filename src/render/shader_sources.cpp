#include "render/shader_sources.h"

namespace chipao::render {

std::optional<std::string_view> find_embedded_shader(std::string_view file_name) {
  for (const EmbeddedShader& shader : embedded_shaders()) {
    if (shader.file_name == file_name) return shader.source;
  }
  return std::nullopt;
}

}  // namespace chipao::render

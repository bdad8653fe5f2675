// GLSL sources from shaders/, embedded into the binary at build time (embed_shaders.cmake), so
// the app never depends on finding shader files at run time.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace chipao::render {

struct EmbeddedShader {
  std::string_view file_name;  // as in shaders/, e.g. "map.vert"
  std::string_view source;
};

std::span<const EmbeddedShader> embedded_shaders();  // generated
std::optional<std::string_view> find_embedded_shader(std::string_view file_name);

}  // namespace chipao::render

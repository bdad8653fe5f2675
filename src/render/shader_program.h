// A linked GLSL program built from embedded shader files, with cached uniform locations.
//
// Compile and link failures come back as an Error that names the shader file (or the program)
// and carries the driver's log, so a typo in shaders/ reads like a compiler message.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/util/result.h"
#include "render/color.h"
#include "render/gl_handles.h"

namespace chipao::render {

struct ShaderStageSource {
  std::string file_name;  // for messages, e.g. "map.vert"
  std::string source;
};

struct ProgramSources {
  std::string program_name;  // for messages, e.g. "fill"
  ShaderStageSource vertex;
  ShaderStageSource geometry;  // optional: empty source means no geometry stage
  ShaderStageSource fragment;
};

class ShaderProgram {
 public:
  // Looks the files up in the embedded shaders; a missing file is an Error too.
  static Result<ShaderProgram> from_embedded(std::string program_name, std::string vertex_file,
                                             std::string geometry_file, std::string fragment_file);
  static Result<ShaderProgram> build(const ProgramSources& sources);

  void use() const { glUseProgram(program_.id()); }
  GLuint id() const { return program_.id(); }
  const std::string& name() const { return name_; }

  // Setters expect the program to be in use. Unknown names are ignored (location -1), as GL does,
  // because the GLSL compiler drops uniforms a stage does not read.
  void set(const char* uniform, float value) const;
  void set(const char* uniform, float x, float y) const;
  void set(const char* uniform, const Rgba& color) const;
  GLint location(const char* uniform) const;

 private:
  ShaderProgram(std::string name, GlProgram program)
      : name_(std::move(name)), program_(std::move(program)) {}

  std::string name_;
  GlProgram program_;
  mutable std::unordered_map<std::string, GLint> locations_;
};

}  // namespace chipao::render

#include "render/shader_program.h"

#include <vector>

#include "render/shader_sources.h"

namespace chipao::render {

namespace {

std::string shader_log(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  if (length <= 1) return "(no log)";
  std::string log(static_cast<std::size_t>(length), '\0');
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

std::string program_log(GLuint program) {
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  if (length <= 1) return "(no log)";
  std::string log(static_cast<std::size_t>(length), '\0');
  glGetProgramInfoLog(program, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

Result<GlShader> compile(GLenum stage, const ShaderStageSource& stage_source) {
  GlShader shader = make_shader(stage);
  if (!shader) return fail("could not create a GL shader object for " + stage_source.file_name);
  const char* text = stage_source.source.c_str();
  const auto length = static_cast<GLint>(stage_source.source.size());
  glShaderSource(shader.id(), 1, &text, &length);
  glCompileShader(shader.id());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    return fail("shader " + stage_source.file_name +
                " failed to compile: " + shader_log(shader.id()));
  }
  return shader;
}

Result<ShaderStageSource> embedded_stage(const std::string& file_name) {
  if (file_name.empty()) return ShaderStageSource{};
  const auto source = find_embedded_shader(file_name);
  if (!source) {
    return fail("shader " + file_name +
                " is not embedded in this build: add it to shaders/ and rebuild");
  }
  return ShaderStageSource{file_name, std::string(*source)};
}

}  // namespace

Result<ShaderProgram> ShaderProgram::from_embedded(std::string program_name,
                                                   std::string vertex_file,
                                                   std::string geometry_file,
                                                   std::string fragment_file) {
  auto vertex = embedded_stage(vertex_file);
  if (!vertex) return std::unexpected(vertex.error());
  auto geometry = embedded_stage(geometry_file);
  if (!geometry) return std::unexpected(geometry.error());
  auto fragment = embedded_stage(fragment_file);
  if (!fragment) return std::unexpected(fragment.error());
  return build(ProgramSources{std::move(program_name), std::move(*vertex), std::move(*geometry),
                              std::move(*fragment)});
}

Result<ShaderProgram> ShaderProgram::build(const ProgramSources& sources) {
  std::vector<GlShader> stages;
  auto vertex = compile(GL_VERTEX_SHADER, sources.vertex);
  if (!vertex) return std::unexpected(vertex.error());
  stages.push_back(std::move(*vertex));
  if (!sources.geometry.source.empty()) {
    auto geometry = compile(GL_GEOMETRY_SHADER, sources.geometry);
    if (!geometry) return std::unexpected(geometry.error());
    stages.push_back(std::move(*geometry));
  }
  auto fragment = compile(GL_FRAGMENT_SHADER, sources.fragment);
  if (!fragment) return std::unexpected(fragment.error());
  stages.push_back(std::move(*fragment));

  GlProgram program = make_program();
  if (!program) return fail("could not create a GL program object for " + sources.program_name);
  for (const GlShader& stage : stages) glAttachShader(program.id(), stage.id());
  // Every vertex shader of ours reads its position from attribute 0; fixing it here lets all
  // programs share one vertex array layout per layer.
  glBindAttribLocation(program.id(), 0, "position");
  glLinkProgram(program.id());
  GLint ok = GL_FALSE;
  glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
  // Shaders can be detached once linked; the GlShader owners then delete them on return.
  for (const GlShader& stage : stages) glDetachShader(program.id(), stage.id());
  if (ok != GL_TRUE) {
    return fail("shader program " + sources.program_name + " (" + sources.vertex.file_name +
                (sources.geometry.source.empty() ? "" : ", " + sources.geometry.file_name) + ", " +
                sources.fragment.file_name + ") failed to link: " + program_log(program.id()));
  }
  return ShaderProgram(sources.program_name, std::move(program));
}

GLint ShaderProgram::location(const char* uniform) const {
  auto found = locations_.find(uniform);
  if (found != locations_.end()) return found->second;
  const GLint location = glGetUniformLocation(program_.id(), uniform);
  locations_.emplace(uniform, location);
  return location;
}

void ShaderProgram::set(const char* uniform, float value) const {
  glUniform1f(location(uniform), value);
}

void ShaderProgram::set(const char* uniform, float x, float y) const {
  glUniform2f(location(uniform), x, y);
}

void ShaderProgram::set(const char* uniform, const Rgba& color) const {
  glUniform4f(location(uniform), color.r, color.g, color.b, color.a);
}

}  // namespace chipao::render

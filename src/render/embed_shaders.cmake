# Turns every shader in SHADER_DIR into one C++ source that defines embedded_shaders()
# (render/shader_sources.h). Run at build time:
#   cmake -DSHADER_DIR=<dir> -DOUTPUT=<file.cpp> -P embed_shaders.cmake
# The output is rewritten only when it changes, so editing an unrelated file rebuilds nothing.
if(NOT SHADER_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "embed_shaders.cmake needs -DSHADER_DIR=... and -DOUTPUT=...")
endif()

file(GLOB shader_files LIST_DIRECTORIES false
  ${SHADER_DIR}/*.vert ${SHADER_DIR}/*.geom ${SHADER_DIR}/*.frag)
list(SORT shader_files)

set(delimiter "chipao_glsl")
set(entries "")
foreach(path IN LISTS shader_files)
  get_filename_component(name "${path}" NAME)
  file(READ "${path}" text)
  # A raw string literal ends at the first )delimiter" it meets; refuse sources that contain one.
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the text )${delimiter}\" which ends the embedded string")
  endif()
  string(APPEND entries "    {\"${name}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()

set(code "// Generated from ${SHADER_DIR} by src/render/embed_shaders.cmake. Do not edit.\n")
string(APPEND code "#include \"render/shader_sources.h\"\n\n")
string(APPEND code "namespace chipao::render {\n\nnamespace {\n")
string(APPEND code "constexpr EmbeddedShader kShaders[] = {\n${entries}};\n}  // namespace\n\n")
string(APPEND code "std::span<const EmbeddedShader> embedded_shaders() { return kShaders; }\n\n")
string(APPEND code "}  // namespace chipao::render\n")

file(WRITE "${OUTPUT}.new" "${code}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")

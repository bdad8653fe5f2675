#version 330 core
// Places a layer-local vertex (world lon/lat minus the layer's origin) in clip space.
// u_scale and u_offset come from render/camera.h ClipTransform, computed in double on the CPU.

layout(location = 0) in vec2 position;

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform float u_point_size;  // read only when GL_PROGRAM_POINT_SIZE is enabled (point layers)

void main() {
  gl_Position = vec4(position * u_scale + u_offset, 0.0, 1.0);
  gl_PointSize = u_point_size;
}

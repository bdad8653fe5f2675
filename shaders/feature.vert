#version 330 core
// Places a layer-local vertex in clip space and looks its feature's colour and flags up in the
// layer's buffer textures (render/layer_gpu.h), so colours change without touching vertices.
// A hidden feature's vertices all collapse onto one point outside the view: its triangles and
// lines become empty and are clipped.

layout(location = 0) in vec2 position;
layout(location = 1) in uint feature;

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec4 u_color;                 // the layer's single colour
uniform bool u_per_feature_colors;    // false: every feature gets u_color
uniform samplerBuffer u_feature_colors;
uniform usamplerBuffer u_feature_flags;

flat out vec4 v_color;
flat out uint v_flags;

const uint kHidden = 1u;

void main() {
  v_flags = texelFetch(u_feature_flags, int(feature)).r;
  v_color = u_per_feature_colors ? texelFetch(u_feature_colors, int(feature)) : u_color;
  if ((v_flags & kHidden) != 0u) {
    gl_Position = vec4(-8.0, -8.0, 0.0, 1.0);
  } else {
    gl_Position = vec4(position * u_scale + u_offset, 0.0, 1.0);
  }
}

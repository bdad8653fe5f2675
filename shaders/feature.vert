#version 330 core
// Places a layer-local vertex in clip space and looks its feature's colour and flags up in the
// layer's buffer textures (render/layer_gpu.h), so colours change without touching vertices.
// A hidden feature's vertices all collapse onto one point outside the view: its triangles and
// lines become empty and are clipped. Fills come in two passes (render/map_renderer.cpp): the
// plain pass skips no-data features the same way and lightens hovered ones here, once per
// vertex instead of once per pixel; the hatch pass draws only the no-data features.

layout(location = 0) in vec2 position;
layout(location = 1) in uint feature;

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec4 u_color;                 // the layer's single colour
uniform bool u_per_feature_colors;    // false: every feature gets u_color
uniform samplerBuffer u_feature_colors;
uniform usamplerBuffer u_feature_flags;
uniform int u_fill_pass;       // 0: every feature not hidden; 1: plain fill; 2: no-data hatch
uniform float u_hover_lighten;  // plain fill: fraction of the way to white while hovered

flat out vec4 v_color;
flat out uint v_flags;

const uint kHidden = 1u;
const uint kNoData = 2u;
const uint kHovered = 4u;

void main() {
  v_flags = texelFetch(u_feature_flags, int(feature)).r;
  v_color = u_per_feature_colors ? texelFetch(u_feature_colors, int(feature)) : u_color;
  bool skip = (v_flags & kHidden) != 0u;
  bool no_data = (v_flags & kNoData) != 0u;
  if (u_fill_pass == 1) {
    skip = skip || no_data;
    if ((v_flags & kHovered) != 0u) v_color.rgb = mix(v_color.rgb, vec3(1.0), u_hover_lighten);
  } else if (u_fill_pass == 2) {
    skip = skip || !no_data;
  }
  if (skip) {
    gl_Position = vec4(-8.0, -8.0, 0.0, 1.0);
  } else {
    gl_Position = vec4(position * u_scale + u_offset, 0.0, 1.0);
  }
}

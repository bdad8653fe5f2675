#version 330 core
// Label glyph quads: positions in viewport pixels (origin top-left, y down), moved by a
// whole-pixel offset while the map pans, to clip space. Atlas texel corners pass through;
// colour and channel are the same on all four corners, so they are not interpolated.

layout(location = 0) in vec2 position_px;
layout(location = 1) in vec2 atlas_px;
layout(location = 2) in vec4 color;
layout(location = 3) in vec2 channel;  // (1, 0): the glyph's coverage; (0, 1): its halo

uniform vec2 u_viewport_px;
uniform vec2 u_offset_px;

out vec2 v_atlas_px;
flat out vec4 v_color;
flat out vec2 v_channel;

void main() {
  vec2 ndc = (position_px + u_offset_px) / u_viewport_px * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_atlas_px = atlas_px;
  v_color = color;
  v_channel = channel;
}

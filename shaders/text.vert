#version 330 core
// Label glyph quads: positions in viewport pixels (origin top-left, y down) to clip space;
// atlas coordinates in texels, passed through with each label's colours and halo width.

layout(location = 0) in vec2 position_px;
layout(location = 1) in vec2 atlas_px;
layout(location = 2) in vec4 color;
layout(location = 3) in vec4 halo_color;
layout(location = 4) in float halo_px;

uniform vec2 u_viewport_px;

out vec2 v_atlas_px;
out vec4 v_color;
out vec4 v_halo_color;
out float v_halo_px;

void main() {
  vec2 ndc = position_px / u_viewport_px * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_atlas_px = atlas_px;
  v_color = color;
  v_halo_color = halo_color;
  v_halo_px = halo_px;
}

#version 330 core
// A feature's fill: its colour, or for "no data" a neutral base crossed by diagonal stripes in
// screen space (so it never reads as the lightest class), lightened while hovered.
// Flag bits match render/feature_style.h.

flat in vec4 v_color;
flat in uint v_flags;

uniform vec4 u_no_data_base;
uniform vec4 u_no_data_hatch;
uniform float u_hatch_period_px;
uniform float u_hatch_width_px;
uniform float u_hover_lighten;

out vec4 frag_color;

const uint kNoData = 2u;
const uint kHovered = 4u;

void main() {
  vec4 color = v_color;
  if ((v_flags & kNoData) != 0u) {
    float along = mod(gl_FragCoord.x + gl_FragCoord.y, u_hatch_period_px);
    color = along < u_hatch_width_px ? u_no_data_hatch : u_no_data_base;
  }
  if ((v_flags & kHovered) != 0u) color.rgb = mix(color.rgb, vec3(1.0), u_hover_lighten);
  frag_color = color;
}

#version 330 core
// Label glyphs from the atlas: red is the glyph's coverage, green its halo (the coverage
// dilated by the halo width on the CPU, see render/text/glyph_atlas.h). Pass 0 draws every
// halo, pass 1 every glyph, so no halo covers a neighbouring glyph's ink.

uniform sampler2D u_atlas;
uniform vec2 u_atlas_size;
uniform int u_pass;

in vec2 v_atlas_px;
in vec4 v_color;
in vec4 v_halo_color;
in float v_halo_px;

out vec4 frag_color;

void main() {
  vec2 texel = texture(u_atlas, v_atlas_px / u_atlas_size).rg;
  float alpha = u_pass == 1 ? v_color.a * texel.r : v_halo_color.a * texel.g;
  if (alpha <= 0.0 || (u_pass == 0 && v_halo_px <= 0.0)) discard;
  frag_color = vec4(u_pass == 1 ? v_color.rgb : v_halo_color.rgb, alpha);
}

#version 330 core
// Label glyphs from the atlas: red is the glyph's coverage, green its halo (the coverage
// dilated by the halo width on the CPU, see render/text/glyph_atlas.h). Quads sit on whole
// pixels over whole texels, so each pixel centre reads exactly one texel: texelFetch gives the
// same value as a filtered read at far less cost on a software rasteriser. Halo quads come
// before ink quads in the batch, so every halo lies under every glyph's ink.
//
// No discard: a zero alpha blends to the framebuffer's own value exactly.

uniform sampler2D u_atlas;

in vec2 v_atlas_px;
flat in vec4 v_color;
flat in vec2 v_channel;

out vec4 frag_color;

void main() {
  vec2 texel = texelFetch(u_atlas, ivec2(v_atlas_px), 0).rg;
  frag_color = vec4(v_color.rgb, v_color.a * dot(texel, v_channel));
}

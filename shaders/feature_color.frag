#version 330 core
// A feature's fill in its flat colour (feature.vert already lightened it when hovered). The
// no-data hatch has its own pass (feature_fill.frag) over only the no-data features, so this
// shader, run for nearly every pixel of a map, is one copy: on llvmpipe each instruction here
// costs about a nanosecond per pixel.

flat in vec4 v_color;

out vec4 frag_color;

void main() {
  frag_color = v_color;
}

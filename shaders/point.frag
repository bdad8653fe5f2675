#version 330 core
// A round marker with a thin rim, drawn from a square GL point sprite.

uniform vec4 u_color;
uniform vec4 u_outline_color;
uniform float u_point_size;

out vec4 frag_color;

void main() {
  vec2 from_center = gl_PointCoord * 2.0 - 1.0;  // -1..1 across the sprite
  float radius = length(from_center);
  if (radius > 1.0) discard;
  // A rim of about 1.5 pixels whatever the marker size.
  float rim = 3.0 / max(u_point_size, 1.0);
  frag_color = radius > 1.0 - rim ? u_outline_color : u_color;
}

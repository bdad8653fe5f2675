#version 330 core
// One colour for a whole pass: a layer's fill, or its outline.

uniform vec4 u_color;

out vec4 frag_color;

void main() {
  frag_color = u_color;
}

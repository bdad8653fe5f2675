#version 330 core
// Turns each GL_LINES segment into a quad u_width_px wide in screen pixels, because core
// profiles may refuse glLineWidth above 1. Each quad is also extended by half the width past
// both ends, so consecutive edges of a ring overlap at their joint instead of leaving a notch.

layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;

uniform vec2 u_viewport_px;
uniform float u_width_px;

void main() {
  // The map is flat (w == 1), so xy is already in normalised device coordinates.
  vec2 a = gl_in[0].gl_Position.xy;
  vec2 b = gl_in[1].gl_Position.xy;
  vec2 ndc_to_px = 0.5 * u_viewport_px;

  vec2 delta_px = (b - a) * ndc_to_px;
  float length_px = length(delta_px);
  vec2 along_px = length_px > 1e-6 ? delta_px / length_px : vec2(1.0, 0.0);
  vec2 across_px = vec2(-along_px.y, along_px.x);

  float half_width = 0.5 * u_width_px;
  vec2 along = along_px * half_width / ndc_to_px;
  vec2 across = across_px * half_width / ndc_to_px;

  gl_Position = vec4(a - along + across, 0.0, 1.0);
  EmitVertex();
  gl_Position = vec4(a - along - across, 0.0, 1.0);
  EmitVertex();
  gl_Position = vec4(b + along + across, 0.0, 1.0);
  EmitVertex();
  gl_Position = vec4(b + along - across, 0.0, 1.0);
  EmitVertex();
  EndPrimitive();
}

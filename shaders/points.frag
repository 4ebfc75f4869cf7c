#version 330 core
#include "premultiply.glsl"
in vec4 v_color;
uniform float u_size_px;
layout(location = 0) out vec4 frag_color;

void main() {
  // Round dot with a one-pixel soft edge.
  float r = length(gl_PointCoord - vec2(0.5)) * u_size_px;
  float a = clamp(0.5 * u_size_px - r + 0.5, 0.0, 1.0);
  if (a <= 0.0) discard;
  frag_color = premultiply(vec4(v_color.rgb, v_color.a * a));
}

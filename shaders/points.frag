#version 330 core
#include "premultiply.glsl"
in vec4 v_color;
in vec2 v_offset_px;
uniform float u_size_px;
layout(location = 0) out vec4 frag_color;

void main() {
  // Round dot: full inside radius - 0.5 px, fading to zero over one pixel (coverage estimate).
  float a = clamp(0.5 * u_size_px - length(v_offset_px) + 0.5, 0.0, 1.0);
  if (a <= 0.0) discard;
  frag_color = premultiply(vec4(v_color.rgb, v_color.a * a));
}

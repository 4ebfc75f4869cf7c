#version 330 core
#include "premultiply.glsl"
// Diagonal hatching in screen space (constant spacing at any zoom, so program areas read as
// "hatched" over any fill or heatmap below): stripes of u_stripe_px every u_spacing_px pixels,
// plus a faint tint of the same colour between them. u_offset_px keeps tiles of a large export
// continuous (gl_FragCoord is per tile).
in vec4 v_color;
uniform float u_spacing_px, u_stripe_px, u_tint;
uniform vec2 u_offset_px;
layout(location = 0) out vec4 frag_color;

void main() {
  vec2 p = gl_FragCoord.xy + u_offset_px;
  float d = mod(p.x + p.y, u_spacing_px);
  float stripe = clamp(u_stripe_px - d + 0.5, 0.0, 1.0) + clamp(d - u_spacing_px + 0.5, 0.0, 1.0);
  float a = v_color.a * max(clamp(stripe, 0.0, 1.0), u_tint);
  frag_color = premultiply(vec4(v_color.rgb, a));
}

#version 330 core
#include "premultiply.glsl"
// Density (incidents per km², R32F, bilinearly filtered) to colour through a 256-entry colormap
// LUT. The domain [u_min, u_max] is fixed for the whole image (never per tile). Values at or below
// u_threshold are fully transparent so the streets and sectors below show through; alpha ramps up
// to u_opacity over the next u_ramp of the domain.
in vec2 v_uv;
uniform sampler2D u_density;
uniform sampler2D u_lut;  // 256 x 1 RGBA8
uniform float u_min, u_max, u_threshold, u_ramp, u_opacity;
layout(location = 0) out vec4 frag_color;

void main() {
  float v = texture(u_density, v_uv).r;
  if (!(v > u_threshold)) discard;  // NaN too
  float t = clamp((v - u_min) / (u_max - u_min), 0.0, 1.0);
  vec4 c = texture(u_lut, vec2((t * 255.0 + 0.5) / 256.0, 0.5));
  float a = u_opacity * clamp((v - u_threshold) / max(u_ramp, 1e-20), 0.0, 1.0);
  frag_color = premultiply(vec4(c.rgb, a));
}

#version 330 core
#include "premultiply.glsl"

in vec2 v_uv;
uniform sampler2D u_image;  // straight-alpha RGBA8, row 0 = north
uniform float u_opacity;
// The layer's look (core/map_style.hpp BasemapStyle): 1 = greyscale (Rec. 709 luma), and the
// share of white blended over it, so a heatmap stays readable over a busy street map.
uniform float u_greyscale;
uniform float u_dim;
layout(location = 0) out vec4 frag_color;

void main() {
  vec4 c = texture(u_image, v_uv);
  float luma = dot(c.rgb, vec3(0.2126, 0.7152, 0.0722));
  vec3 rgb = mix(c.rgb, vec3(luma), u_greyscale);
  rgb = mix(rgb, vec3(1.0), u_dim);
  frag_color = premultiply(vec4(rgb, c.a * u_opacity));
}

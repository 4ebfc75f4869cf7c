#version 330 core
#include "premultiply.glsl"

in vec2 v_uv;
uniform sampler2D u_image;  // straight-alpha RGBA8, row 0 = north
uniform float u_opacity;
layout(location = 0) out vec4 frag_color;

void main() {
  vec4 c = texture(u_image, v_uv);
  frag_color = premultiply(vec4(c.rgb, c.a * u_opacity));
}

#version 330 core
// Wide outlines from CPU-built ribbons: each ring vertex appears twice, pushed to either side along
// its miter vector (a_extrude, in units of half the line width). The push happens here, in metres
// scaled by the current metres-per-pixel, so the width stays constant in pixels at any zoom without
// rebuilding the geometry.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_extrude;

uniform mat3 u_view;
uniform float u_half_width_m;  // half the line width in metres (pixels * metres per pixel)
uniform vec4 u_color;          // straight alpha

out vec4 v_color;

void main() {
  vec3 p = u_view * vec3(a_position + a_extrude * u_half_width_m, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  v_color = u_color;
}
